// The Chinese application menu, as data; menu.ts supplies the actions.
import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import type { AppInfo } from '../shared/contract';
import { productTitle } from './identity';

export interface MenuActions {
  print(): void;
  savePdf(): void;
  about(): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
        { label: '另存为PDF…', click: () => actions.savePdf() },
        separator,
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        separator,
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        separator,
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { label: '重新加载', role: 'reload' },
        separator,
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        separator,
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [{ label: '关于', click: () => actions.about() }],
    },
  ];
}

export function aboutBox(info: AppInfo): MessageBoxOptions {
  return {
    type: 'info',
    title: '关于',
    message: `${productTitle}  ${info.version}`,
    detail: `数据文件夹：${info.dataFolder}\n当前用户：${info.osUser || '—'}`,
    buttons: ['确定'],
  };
}
