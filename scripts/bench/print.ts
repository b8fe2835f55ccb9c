// Benchmark (e): printing to PDF in the built app in Chromium, in the app's own print layout
// (print/PrintDocument.tsx: A4, official-document margins and fonts, table header repeated on
// every page, no row split, page numbers "— 1 —"), as the e2e test prints:
// page.emulateMedia({ media: 'print' }), then page.pdf({ format: 'A4', preferCSSPageSize: true });
// pages are counted in the PDF (pdf-parse), whose text is checked for the title and the page
// numbers.
//
// Two documents:
// - the 红黑榜 (#/lists/5) of the scoring data of (d): 100 units, 1,500 tasks (scoring-data.ts);
// - the 赛马 ranking (#/ranking/5, month view) of a year with RANKING_UNITS units (15 tasks
//   each), which prints to about 30 pages.
// The year, its units, tasks and rule table, and the score entries proposed by core from the
// generated facts (proposeEntries; all confirmed, waived where an explanation was accepted),
// are written straight into the app's IndexedDB ('duchaduban', schema of
// renderer/src/db/schema.ts); the months are marked published, so the screens only read. The
// facts themselves (reports, sheets, milestones) are not stored: both screens print entries and
// scores. For comparison, in the same browser: page.pdf of an empty page, of a line of CJK text
// in one font face and in two (the fonts' embedding), and of each document alone as a static
// page (its HTML and the page's CSS, without the app around it). All of them are printed in
// interleaved rounds, so that load from other processes falls on all alike.
// With BENCH_PDF_DIR set, the last PDF of each document is written there to look at.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import type { ScoreEntry } from '../../renderer/src/core/model';
import { defaultListSettings, rankGroups, redBlackLists } from '../../renderer/src/core/ranking';
import { monthScores, monthShortfalls, type Shortfall } from '../../renderer/src/core/scoring';
import { BENCH_MONTH, BENCH_YEAR } from './constants';
import {
  asDecided,
  generateScoring,
  monthFactsOf,
  proposeMonth,
  shortfallOfMonth,
  type ScoringData,
} from './scoring-data';
import { summarize, type Summary } from './stats';
import { seedTables, waitForAppDatabase } from './seed';

/** Units of the ranking (15 tasks each): it prints to about 30 pages. */
export const RANKING_UNITS = 710;
const RUNS = 9;
const PDF_OPTIONS = { format: 'A4', preferCSSPageSize: true } as const;

export interface PrintedDoc {
  units: number;
  tasks: number;
  /** Rows of the printed tables: units listed (红黑榜) or ranked (赛马). */
  rows: number;
  /** 红黑榜: units on the red and on the black list. */
  red: number;
  black: number;
  pages: number;
  bytes: number;
  /** page.pdf, whole document. */
  pdf: Summary;
  /** Median page.pdf time / pages. */
  perPage: number;
  /** page.pdf of a static copy of the printed document (its HTML and the page's CSS rules, without the app around it). */
  staticCopy: Summary;
  staticPages: number;
  /** Left and right inset of the printed document inside the page's margins (CSS px; the app's main-area padding). */
  insetPx: [number, number];
  seedMs: number;
}

export interface PrintResult {
  /** The 红黑榜 of (d)'s data. */
  lists: PrintedDoc;
  /** The ~30-page 赛马 ranking. */
  ranking: PrintedDoc;
  /** page.pdf of an empty page: the fixed cost of printing anything. */
  blank: Summary;
  /** page.pdf of a line of CJK text in Noto Serif CJK (the face the print falls back to here): embedding one CJK face. */
  fontRegular: Summary;
  /** … and a second line in bold (红榜/黑榜 are bold): the two faces the print embeds. */
  fonts: Summary;
  /** Line through the two documents: time = fixed + perPage·pages. */
  fixedMs: number;
  slopeMs: number;
  error?: string;
}

interface Seed {
  data: ScoringData;
  entries: ScoreEntry[];
  months: number[];
  /** Per month, what keeps units off the red list: frozen in the month's snapshot, as publishing does. */
  shortfalls: Record<number, Record<string, Shortfall>>;
  red: number;
  black: number;
}

/** Entries of `months` proposed by core from the generated facts and decided; the expected lists of BENCH_MONTH. */
function prepare(units: number, months: number[]): Seed {
  const data = generateScoring({ units, tasks: units * 15, throughMonth: Math.max(...months) });
  const entries = months.flatMap((m) => asDecided(data.year.id, m, proposeMonth(data, m)));
  // The lists as the scoreboard computes them, to check the printed rows against.
  const own = entries.filter((e) => e.month === BENCH_MONTH);
  const scores = monthScores(data.units, own, data.rules);
  const lists = redBlackLists(
    [...rankGroups(scores, data.units).values()].flat(),
    own,
    shortfallOfMonth(data, BENCH_MONTH),
    defaultListSettings,
  );
  const shortfalls = Object.fromEntries(
    months.map((m) => [m, Object.fromEntries(monthShortfalls(monthFactsOf(data, m)))]),
  );
  return { data, entries, months, shortfalls, red: lists.red.length, black: lists.black.length };
}

/** A screen that prints: its route, title, the rows its print document must hold and how to find them. */
interface Screen {
  label: string;
  route: string;
  title: string;
  rows: (s: Seed) => number;
  rowSelector: string;
}

const LISTS: Screen = {
  label: '红黑榜',
  route: `lists/${BENCH_MONTH}`,
  title: `${BENCH_YEAR}年${BENCH_MONTH}月重点工作红黑榜`,
  rows: (s) => s.red + s.black,
  rowSelector: '.print-document tr[data-list]',
};
const RANKING: Screen = {
  label: '赛马排名',
  route: `ranking/${BENCH_MONTH}`,
  title: `${BENCH_YEAR}年${BENCH_MONTH}月重点工作赛马排名`,
  rows: (s) => s.data.units.length,
  rowSelector: '.print-document tbody tr',
};

/** Writes the operator, the year, its units, tasks, rule table and entries; marks the months published with their snapshots. */
async function seed(page: Page, s: Seed): Promise<void> {
  const { year, units, tasks, rules } = s.data;
  const publishedAt = new Date().toISOString();
  const published = { yearId: year.id, publishedAt, publishedBy: '基准测试' };
  await seedTables(page, {
    workYears: [year],
    units,
    tasks,
    scoreRules: rules,
    scoreEntries: s.entries,
    monthStates: s.months.map((month) => ({ id: `${year.id}:${month}`, month, state: 'published', ...published })),
    // The facts are not seeded: the snapshot says who was kept off the red list, as when published.
    rankings: s.months.map((month) => ({
      id: `${year.id}:month:${month}`,
      period: 'month',
      month,
      ...published,
      data: { scoring: { proposals: [], shortfalls: s.shortfalls[month] ?? {} } },
    })),
  });
}

/** Text and page count of a PDF. NFKC: the CJK fonts map some characters to radical forms (⽉ for 月). */
async function readPdf(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { pages: result.total, text: result.text.normalize('NFKC') };
  } finally {
    await parser.destroy();
  }
}

interface OpenDoc {
  page: Page;
  seed: Seed;
  screen: Screen;
  label: string;
  rows: number;
  seedMs: number;
  /** The printed document alone: its HTML, every CSS rule of the page, and its inset in the app's layout. */
  copy: { css: string; html: string; left: number; right: number };
}

/** Seeds a fresh database in `context`, opens the screen and waits until its print document holds every row. */
async function openDoc(
  context: BrowserContext,
  url: string,
  s: Seed,
  screen: Screen,
  log: (line: string) => void,
): Promise<OpenDoc> {
  const label = `${screen.label}, ${s.data.units.length} units`;
  const page = await context.newPage();
  // First load creates the database with the app's schema (version 2 → IndexedDB 20).
  await page.goto(`${url}/#/year`);
  await waitForAppDatabase(page);
  log(
    `  (e) ${label}: seeding ${s.data.units.length} units, ${s.data.tasks.length.toLocaleString('en')} tasks, ${s.entries.length.toLocaleString('en')} score entries…`,
  );
  const t = performance.now();
  await seed(page, s);
  const seedMs = performance.now() - t;
  await page.evaluate((route) => (window.location.hash = `#/${route}`), screen.route);
  await page.reload();
  const rows = screen.rows(s);
  await page
    .waitForFunction(
      ([selector, n]) => document.querySelectorAll(selector).length === n,
      [screen.rowSelector, rows] as const,
      { timeout: 120_000, polling: 100 },
    )
    .catch(async (e: unknown) => {
      const shown = await page.evaluate((selector) => document.querySelectorAll(selector).length, screen.rowSelector);
      throw new Error(`${label}: ${shown} of the ${rows} rows expected were printed (${String(e)})`);
    });
  await page.emulateMedia({ media: 'print' });
  // The inset is measured in print media: the main area's padding around the document.
  const copy = await page.evaluate(() => {
    const doc = document.querySelector('.print-document')!;
    const box = doc.getBoundingClientRect();
    return {
      css: [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'),
      html: doc.outerHTML,
      left: box.left,
      right: document.body.clientWidth - box.right,
    };
  });
  return { page, seed: s, screen, label, rows, seedMs, copy };
}

/** A page of its own with the given HTML, in print media. */
async function openContent(context: BrowserContext, html: string): Promise<Page> {
  const page = await context.newPage();
  await page.setContent(html);
  await page.emulateMedia({ media: 'print' });
  return page;
}

const staticHtml = (copy: OpenDoc['copy']) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${copy.css}</style></head><body><div style="padding: 0 ${copy.right}px 0 ${copy.left}px">${copy.html}</div></body></html>`;

/**
 * page.pdf of every page, a warm-up each, then RUNS rounds; within a round the pages take turns
 * in a rotating order, so that load from other processes falls on all of them alike.
 */
async function timeInterleaved(
  pages: Page[],
  log: (line: string) => void,
): Promise<{ times: number[][]; bytes: Buffer[] }> {
  const bytes: Buffer[] = [];
  for (const page of pages) bytes.push(await page.pdf(PDF_OPTIONS));
  const times: number[][] = pages.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    log(`  (e) round ${round + 1} of ${RUNS}…`);
    for (let k = 0; k < pages.length; k++) {
      const i = (round + k) % pages.length;
      const t = performance.now();
      bytes[i] = await pages[i]!.pdf(PDF_OPTIONS);
      times[i]!.push(performance.now() - t);
    }
  }
  return { times, bytes };
}

async function checkedPages(doc: OpenDoc, bytes: Buffer): Promise<number> {
  if (process.env.BENCH_PDF_DIR)
    await writeFile(path.join(process.env.BENCH_PDF_DIR, `${doc.label.replace(/[^\w]+/gu, '-')}.pdf`), bytes);
  const { pages, text } = await readPdf(bytes);
  // Any character of the title may come out as a CJK radical (⻢ for 马), which NFKC leaves alone.
  const title = new RegExp(
    [...doc.screen.title].map((c) => `(?:${c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}|[\u2e80-\u2eff])`).join(''),
    'u',
  );
  if (!title.test(text.replace(/\s+/g, '')))
    throw new Error(`${doc.label}: the PDF lacks the title ${doc.screen.title}`);
  if (!/—\s*1\s*—/u.test(text) || !new RegExp(`—\\s*${pages}\\s*—`, 'u').test(text))
    throw new Error(`${doc.label}: the PDF lacks the page numbers — 1 — … — ${pages} —`);
  return pages;
}

const BLANK = '<!doctype html><html><body></body></html>';
const CJK = `<!doctype html><html lang="zh-CN"><body style="font-family: 'Noto Serif CJK SC', serif"><p>重点工作红黑榜</p>`;
const FONT_REGULAR = `${CJK}</body></html>`;
const FONT_BOTH = `${CJK}<p style="font-weight: 700">红榜 黑榜</p></body></html>`;

export async function benchPrint(browser: Browser, url: string, log: (line: string) => void): Promise<PrintResult> {
  const empty = summarize([]);
  const none: PrintedDoc = {
    units: 0,
    tasks: 0,
    rows: 0,
    red: 0,
    black: 0,
    pages: 0,
    bytes: 0,
    pdf: empty,
    perPage: NaN,
    staticCopy: empty,
    staticPages: 0,
    insetPx: [NaN, NaN],
    seedMs: NaN,
  };
  const result: PrintResult = {
    lists: none,
    ranking: none,
    blank: empty,
    fontRegular: empty,
    fonts: empty,
    fixedMs: NaN,
    slopeMs: NaN,
  };
  // Each document in a context of its own: its own IndexedDB.
  // (__name: tsx keeps function names, and the functions handed to page.evaluate call esbuild's helper; see ledger.ts.)
  const open = async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 800 },
    });
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    return context;
  };
  const contexts = [await open(), await open()];
  const [first, second] = contexts as [BrowserContext, BrowserContext];
  let step = 'seeding';
  try {
    // The 红黑榜 of (d)'s data: entries of every month up to BENCH_MONTH (the screen also reads last month's lists).
    const lists = await openDoc(
      first,
      url,
      prepare(
        100,
        Array.from({ length: BENCH_MONTH - 2 }, (_, i) => 3 + i),
      ),
      LISTS,
      log,
    );
    // The ranking: this month and the last (for the movement column).
    const ranking = await openDoc(second, url, prepare(RANKING_UNITS, [BENCH_MONTH - 1, BENCH_MONTH]), RANKING, log);
    const others = [
      await openContent(first, BLANK),
      await openContent(first, FONT_REGULAR),
      await openContent(first, FONT_BOTH),
      await openContent(first, staticHtml(lists.copy)),
      await openContent(first, staticHtml(ranking.copy)),
    ];
    step = 'printing';
    log(
      `  (e) printing the 红黑榜 (${lists.rows} rows), the ranking (${ranking.rows} rows), their static copies and the font probes to PDF, interleaved…`,
    );
    const { times, bytes } = await timeInterleaved([lists.page, ranking.page, ...others], log);
    step = 'reading the PDFs';
    const doc = async (d: OpenDoc, i: number, staticIndex: number): Promise<PrintedDoc> => {
      const pages = await checkedPages(d, bytes[i]!);
      const pdf = summarize(times[i]!);
      return {
        units: d.seed.data.units.length,
        tasks: d.seed.data.tasks.length,
        rows: d.rows,
        red: d.seed.red,
        black: d.seed.black,
        pages,
        bytes: bytes[i]!.byteLength,
        pdf,
        perPage: pdf.median / pages,
        staticCopy: summarize(times[staticIndex]!),
        staticPages: (await readPdf(bytes[staticIndex]!)).pages,
        insetPx: [d.copy.left, d.copy.right],
        seedMs: d.seedMs,
      };
    };
    result.lists = await doc(lists, 0, 5);
    result.ranking = await doc(ranking, 1, 6);
    result.blank = summarize(times[2]!);
    result.fontRegular = summarize(times[3]!);
    result.fonts = summarize(times[4]!);
    const { lists: a, ranking: b } = result;
    if (a.pages !== b.pages) {
      result.slopeMs = (b.pdf.median - a.pdf.median) / (b.pages - a.pages);
      result.fixedMs = a.pdf.median - result.slopeMs * a.pages;
    }
  } catch (error) {
    result.error = `${step}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    for (const context of contexts) await context.close();
  }
  return result;
}
