// Messages between client.ts (the page) and worker.ts (the Excel worker).
import type { ReadResult } from '../../core/import/types';

export interface ReadRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  maxBytes?: number;
}

export interface ReadResponse {
  id: number;
  result: ReadResult;
}
