import { amber, green, grey, red } from '@mui/material/colors';
import type { AssessedStatus } from '../core/progress';

/**
 * A task status as a chart colour, following the lights: the three green-light statuses in greens
 * (darkest for 已完成), 滞后 in amber, 未启动 red and 未报送 grey — the same reading as the
 * 红黄绿灯 chips, so a chart never shows 序时推进 as an alarm.
 */
export const statusColors: Record<AssessedStatus, string> = {
  done: green[900],
  ahead: green[600],
  on_track: green[300],
  behind: amber[600],
  not_started: red[700],
  no_report: grey[500],
};
