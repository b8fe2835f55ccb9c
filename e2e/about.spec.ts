import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { enterOperator } from './helpers';

const root = path.join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const schemaVersion = /export const SCHEMA_VERSION = (\d+);/.exec(
  readFileSync(path.join(root, 'renderer', 'src', 'db', 'schema.ts'), 'utf8'),
)?.[1];

test('关于 shows the name, the version from package.json, the schema version and where the data is', async ({
  page,
}) => {
  expect(schemaVersion).toBeDefined();
  await page.goto('/');
  await enterOperator(page, '周科员');
  await page.getByRole('button', { name: '帮助' }).click();
  await page.getByRole('menuitem', { name: '关于' }).click();
  const dialog = page.getByRole('dialog', { name: '关于' });
  const facts = dialog.getByRole('table', { name: '程序信息' });
  await expect(facts.getByRole('row', { name: /程序名称/ })).toContainText('重点工作督查督办');
  await expect(facts.getByRole('row', { name: /程序版本/ })).toContainText(version);
  await expect(facts.getByRole('row', { name: /数据结构版本/ })).toContainText(schemaVersion!);
  await expect(facts.getByRole('row', { name: /数据位置/ })).toContainText(
    '浏览器本地存储（IndexedDB）（数据库 duchaduban）',
  );
  await expect(facts.getByRole('row', { name: /运行方式/ })).toContainText('浏览器');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
});
