// Imported first by worker.ts and write-worker.ts, so the fast timers are in place before exceljs's bundle
// captures `setTimeout` (see fast-timers.ts).
import { installFastTimers } from './fast-timers';

installFastTimers();
