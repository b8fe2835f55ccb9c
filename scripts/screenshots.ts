// `npm run screenshots`: the user guide's screenshots (docs/images), taken from the sample data
// in the built renderer, in Debian's Chromium, so they show the screens as they are today.
// Builds the renderer first, serves it, loads the sample year, visits each screen the guide
// describes and saves a palette-compressed PNG per screen (sharp with libimagequant).
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import sharp from 'sharp';
import { launchChromium } from './bench/chromium';
import { serveStatic } from './bench/serve';

const root = path.join(import.meta.dirname, '..');
const outDir = path.join(root, 'docs', 'images');
// A late-November day of the sample year: every month of it has happened, the last is open.
const sampleToday = new Date('2025-11-26T10:00:00+08:00');

/** One screenshot per section of docs/user-guide.md, in its order. */
const shots: { file: string; route: string; ready: (page: Page) => Promise<void> }[] = [
  {
    file: '01-year.png',
    route: 'year',
    ready: (p) => expect(p.getByRole('heading', { name: /2025年度 规则设置/ })).toBeVisible(),
  },
  { file: '02-ledger.png', route: 'ledger', ready: (p) => expect(p.getByText(/^共 \d+ 项/)).toBeVisible() },
  {
    file: '03-plans.png',
    route: 'plans',
    ready: (p) => expect(p.getByRole('button', { name: '导出月方案模板' })).toBeVisible(),
  },
  {
    file: '04-reports.png',
    route: 'reports/10',
    ready: (p) => expect(p.getByRole('button', { name: '导入10月进展' })).toBeVisible(),
  },
  {
    file: '05-review.png',
    route: 'feedback/10',
    ready: (p) => expect(p.getByRole('heading', { name: /督查反馈/ }).first()).toBeVisible(),
  },
  {
    // The year view: process score, evaluation and composite side by side.
    file: '06-ranking.png',
    route: 'ranking/11',
    ready: async (p) => {
      await p.getByRole('button', { name: '年度', exact: true }).click();
      await expect(p.getByText('综合得分').first()).toBeVisible();
    },
  },
  {
    file: '07-lists.png',
    route: 'lists/10',
    ready: (p) => expect(p.getByRole('heading', { name: /红黑榜/ }).first()).toBeVisible(),
  },
  {
    file: '08-evaluation.png',
    route: 'evaluation',
    ready: (p) => expect(p.getByRole('button', { name: '导入评估结果' })).toBeVisible(),
  },
  {
    // A task the sample has reviewed: the four steps with their text.
    file: '09-retrospective.png',
    route: 'retrospective',
    ready: async (p) => {
      await p.getByRole('table', { name: '复盘列表' }).getByRole('row').filter({ hasText: '已完成' }).first().click();
      await expect(p.getByText('回忆目标').first()).toBeVisible();
    },
  },
  {
    file: '10-safety.png',
    route: 'safety',
    ready: (p) => expect(p.getByRole('heading', { name: '数据安全' })).toBeVisible(),
  },
];

async function loadSample(page: Page) {
  const welcome = page.getByRole('dialog', { name: '欢迎使用重点工作督查督办' });
  await welcome.getByLabel('操作人姓名').fill('李娜');
  await welcome.getByRole('button', { name: '确定' }).click();
  await page.getByRole('dialog', { name: '快速入门' }).getByRole('button', { name: '跳过' }).click();
  await page.goto(`${page.url().split('#')[0]}#/year`);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByText('示例数据').first()).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('heading', { name: /2025年度 规则设置/ })).toBeVisible({ timeout: 120_000 });
}

async function main() {
  execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  const server = await serveStatic(path.join(root, 'dist', 'renderer'));
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    await page.clock.setFixedTime(sampleToday);
    await page.goto(`${server.url}/`);
    await loadSample(page);

    await mkdir(outDir, { recursive: true });
    for (const name of await readdir(outDir)) if (name.endsWith('.png')) await rm(path.join(outDir, name));
    let total = 0;
    for (const shot of shots) {
      await page.goto(`${server.url}/#/${shot.route}`);
      await shot.ready(page);
      await page.waitForTimeout(300); // let charts and fonts settle
      const raw = await page.screenshot({ type: 'png' });
      const png = await sharp(raw).png({ palette: true, quality: 80, compressionLevel: 9, effort: 10 }).toBuffer();
      await writeFile(path.join(outDir, shot.file), png);
      total += png.byteLength;
      console.log(`${shot.file}: ${(png.byteLength / 1024).toFixed(0)} KB`);
    }
    console.log(`共 ${shots.length} 张，${(total / 1024).toFixed(0)} KB → ${path.relative(root, outDir)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
