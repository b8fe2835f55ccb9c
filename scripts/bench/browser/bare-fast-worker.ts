// Bare parsing for comparison, with the app's MessageChannel timers installed first (as the
// app's own worker does): exceljs's load without the clamped-timer waits.
import '../../../renderer/src/io/excel/fast-timers-install';
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
