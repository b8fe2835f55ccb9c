// Printing the current view through the system dialog, or saving it as an A4 PDF.
import type { WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { PrintRequest, PrintResult } from '../shared/contract';
import { askSavePath } from './files';
import { pdfFileName, pdfOptions } from './print-rules';

function printWithDialog(contents: WebContents): Promise<PrintResult> {
  return new Promise((resolve, reject) => {
    contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success || failureReason === 'cancelled') resolve({ done: success });
      else reject(new Error(`打印失败：${failureReason}`));
    });
  });
}

export async function printView(contents: WebContents, request: PrintRequest): Promise<PrintResult> {
  if (request.mode === 'print') return printWithDialog(contents);
  // Render first: the PDF shows the view as it was when the user asked, and a failure
  // surfaces before the save dialog.
  const pdf = await contents.printToPDF({ ...pdfOptions });
  const filePath = await askSavePath(contents, pdfFileName(request.suggestedName), '另存为 PDF');
  if (!filePath) return { done: false };
  await writeFile(filePath, pdf);
  return { done: true, path: filePath };
}
