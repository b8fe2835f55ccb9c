import { BrowserWindow, dialog, Menu } from 'electron';
import { appInfo } from './app-info';
import { aboutBox, menuTemplate } from './menu-rules';
import { printView } from './print';

function reportFailure(error: unknown): void {
  dialog.showErrorBox('操作失败', error instanceof Error ? error.message : String(error));
}

export function installMenu(): void {
  const focused = (): BrowserWindow | null => BrowserWindow.getFocusedWindow();
  const template = menuTemplate({
    print: () => {
      const win = focused();
      if (win) printView(win.webContents, { mode: 'print' }).catch(reportFailure);
    },
    savePdf: () => {
      const win = focused();
      // The page title names the view, e.g. "月报 - 重点工作督查督办".
      if (win)
        printView(win.webContents, { mode: 'pdf', suggestedName: win.webContents.getTitle() }).catch(reportFailure);
    },
    about: () => {
      const win = focused();
      const box = aboutBox(appInfo());
      (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box)).catch(reportFailure);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
