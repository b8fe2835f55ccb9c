// Bare parsing for comparison: exceljs's browser build loading the bytes, nothing else, in a
// plain Worker (Chromium clamps its chained zero-delay timers to ≥ 4 ms).
import ExcelJS from 'exceljs';

self.onmessage = async (event: MessageEvent<{ id: number; bytes: Uint8Array }>) => {
  const { id, bytes } = event.data;
  let ok = true;
  try {
    await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    ok = false;
  }
  self.postMessage({ id, ok });
};
