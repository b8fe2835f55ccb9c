// Bare parsing for comparison, with the app's MessageChannel timers installed first (as the
// app's own worker does): exceljs's load without the clamped-timer waits. With `write`, the
// loaded workbook is written out again (the district benchmark's baseline for the export).
import '../../../renderer/src/io/excel/fast-timers-install';
import ExcelJS from 'exceljs';

self.onmessage = async (event: MessageEvent<{ id: number; bytes: Uint8Array; write?: boolean }>) => {
  const { id, bytes, write } = event.data;
  let ok = true;
  try {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    if (write) await book.xlsx.writeBuffer();
  } catch {
    ok = false;
  }
  self.postMessage({ id, ok });
};
