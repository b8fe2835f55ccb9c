import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { aboutBox, menuTemplate } from './menu-rules';
import { productTitle } from './identity';

function items(menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return template.flatMap(items).find((item) => item.label === label);
}

describe('menuTemplate', () => {
  const actions = { print: vi.fn(), savePdf: vi.fn(), about: vi.fn() };
  const template = menuTemplate(actions);

  it('has the four Chinese top-level menus in order', () => {
    expect(template.map((menu) => menu.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
  });

  it('lists the expected entries per menu', () => {
    const labels = template.map((menu) =>
      items(menu)
        .filter((item) => item.type !== 'separator')
        .map((item) => item.label),
    );
    expect(labels).toEqual([
      ['打印…', '另存为PDF…', '退出'],
      ['撤销', '重做', '剪切', '复制', '粘贴', '全选'],
      ['重新加载', '实际大小', '放大', '缩小', '全屏'],
      ['关于'],
    ]);
  });

  it('binds Ctrl+P to printing and uses native roles for editing', () => {
    expect(find(template, '打印…')?.accelerator).toBe('CmdOrCtrl+P');
    expect(find(template, '退出')?.role).toBe('quit');
    expect(find(template, '复制')?.role).toBe('copy');
    expect(find(template, '全选')?.role).toBe('selectAll');
    expect(find(template, '全屏')?.role).toBe('togglefullscreen');
  });

  it('has no developer tools entry', () => {
    expect(template.flatMap(items).some((item) => item.role === 'toggleDevTools' || item.role === 'forceReload')).toBe(
      false,
    );
  });

  it('wires the clicks to the actions', () => {
    const click = (label: string) => (find(template, label)?.click as () => void)();
    click('打印…');
    click('另存为PDF…');
    click('关于');
    expect(actions.print).toHaveBeenCalledTimes(1);
    expect(actions.savePdf).toHaveBeenCalledTimes(1);
    expect(actions.about).toHaveBeenCalledTimes(1);
  });
});

describe('aboutBox', () => {
  it('shows product, version and data folder', () => {
    const box = aboutBox({
      version: '0.1.0',
      dataFolder: 'C:\\Users\\a\\AppData\\Roaming\\duchaduban',
      osUser: 'a',
      platform: 'win32',
      shell: 'electron',
    });
    expect(box.message).toBe(`${productTitle}  0.1.0`);
    expect(box.detail).toContain('C:\\Users\\a\\AppData\\Roaming\\duchaduban');
  });
});
