// The district benchmark (f) in BENCHMARKS.md: summary rows, the cost-growth table and notes.
// A baseline — the same benchmark's results at an earlier commit, district-baseline.json — is
// shown beside the current run when present, so the table reads before → after.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DistrictResult, DistrictSizeResult } from './district';
import { SCREENS } from './district';
import type { Summary } from './stats';

export const DISTRICT_GOALS = { importRatio: 3, exportRatio: 3, heapRatio: 2 };

export interface DistrictBaseline {
  /** What the baseline was measured on: commit and date. */
  label: string;
  result: DistrictResult;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const BASELINE_FILE = path.join(here, 'district-baseline.json');

export function loadBaseline(): DistrictBaseline | undefined {
  if (!existsSync(BASELINE_FILE)) return undefined;
  try {
    return JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as DistrictBaseline;
  } catch {
    return undefined;
  }
}

const med = (s: Summary | undefined) => (s && s.n > 0 ? s.median : NaN);
const fms = (v: number) =>
  Number.isFinite(v) ? (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`) : 'n/a';
const fx = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');
const size = (s: Pick<DistrictSizeResult, 'tasks' | 'units'>) => `${s.tasks} × ${s.units}`;

export const importRatio = (s: DistrictSizeResult) => med(s.previewMs) / med(s.bareLoad);
export const exportRatio = (s: DistrictSizeResult) => med(s.exportMs) / med(s.bareLoadWrite);
export const heapRatio = (s: DistrictSizeResult) => s.heapAfterAll.usedMB / s.heapAfterTasks.usedMB;
const perFile = (s: DistrictSizeResult) => med(s.previewMs) / s.files;
const perWorkbook = (s: DistrictSizeResult) => med(s.exportMs) / s.workbooks;

export interface DistrictRow {
  what: string;
  app: string;
  bare: string;
  ratio: string;
  goal: string;
  met: string;
}

const verdict = (value: number, goal: number) =>
  Number.isFinite(value) ? (value <= goal ? 'met' : 'NOT met') : 'not measured';

/** Rows for the Results table: the largest size's import, export and heap against the goals. */
export function districtSummaryRows(d: DistrictResult | undefined): DistrictRow[] {
  const big = d?.sizes.at(-1);
  if (!big) return [];
  const small = d?.sizes[0];
  const growth = (f: (s: DistrictSizeResult) => number) =>
    small && small !== big ? `; per file ${fx(f(big) / f(small))} of ${size(small)}'s` : '';
  return [
    {
      what: `(f) Chromium: ${size(big)} district, import of ${big.files} sheets through the UI, choose → preview`,
      app: `${fms(med(big.previewMs))} (${fms(perFile(big))} a file${growth(perFile)})`,
      bare: `${fms(med(big.bareLoad))} (exceljs load, Worker)`,
      ratio: fx(importRatio(big)),
      goal: `≤ ${DISTRICT_GOALS.importRatio}×`,
      met: verdict(importRatio(big), DISTRICT_GOALS.importRatio),
    },
    {
      what: `(f) Chromium: ${size(big)} district, export of ${big.workbooks} templates through the UI (.zip)`,
      app: `${fms(med(big.exportMs))} (${fms(perWorkbook(big))} a workbook${growth(perWorkbook)})`,
      bare: `${fms(med(big.bareLoadWrite))} (exceljs load + write, Worker)`,
      ratio: fx(exportRatio(big)),
      goal: `≤ ${DISTRICT_GOALS.exportRatio}×`,
      met: verdict(exportRatio(big), DISTRICT_GOALS.exportRatio),
    },
    {
      what: `(f) Chromium: ${size(big)} district, JS heap after import + every screen / after the task list`,
      app: `${big.heapAfterAll.usedMB.toFixed(1)} MB`,
      bare: `${big.heapAfterTasks.usedMB.toFixed(1)} MB`,
      ratio: fx(heapRatio(big)),
      goal: `≤ ${DISTRICT_GOALS.heapRatio}×`,
      met: verdict(heapRatio(big), DISTRICT_GOALS.heapRatio),
    },
  ];
}

/** One table row over the sizes: `cell` of each size, and of the baseline's sizes when given (before → after). */
function growthRow(
  label: string,
  d: DistrictResult,
  cell: (s: DistrictSizeResult) => string,
  before?: DistrictResult,
): string {
  const cells = d.sizes.map((s) => {
    const b = before?.sizes.find((x) => x.tasks === s.tasks && x.units === s.units);
    return b ? `${cell(b)} → **${cell(s)}**` : cell(s);
  });
  return `| ${label} | ${cells.join(' | ')} |`;
}

export function districtDetails(d: DistrictResult | undefined, baseline?: DistrictBaseline): string {
  if (!d || d.sizes.length === 0) return '';
  const before = baseline?.result;
  const out: string[] = ['### (f) A large district through the UI (issue 17)\n'];
  out.push(
    `Generated (seeded, scripts/bench/district-data.ts): units in two ranking groups, tasks with a lead unit and 0–3 co-units each, a 月方案 for a third of them, the default rule table; written into the app's IndexedDB. Then, in the built app in Chromium with the clock at 2026-06-27: every unit's 6月 月度进展 template exported through the UI (导出6月进展表 → the browser's .zip; click → download), filled in with exceljs in Node (percents, status words, ~10 % 滞后 — a fifth of them without 滞后原因说明 —, ~1 % of the percents left blank, every 19th unit sending nothing), imported in one batch through the UI (choose → the preview of every new row; then 确认导入, and the stored reports counted), each month screen opened from 列名别名 ("first useful view" = the selector below in the DOM and a frame produced), and the JS heap (CDP \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`) after the task list alone (ledger open) and after the import and every screen. Bare baselines in the same browser, on the benchmark page: exceljs loading the filled sheets, and loading and writing the templates, one file after another in a Worker with the app's fast timers (and the latter also once on a page's main thread, where the app wrote its exports before). The export and the import are each done once first (that one also starts their workers), then 3 times, each time after its bare baseline (so that load from other processes falls on both alike); each screen is opened once, then 3 times (once only when its first opening took over 5 s). Medians of the 3; times in ms unless marked s.${before ? ` Each cell reads **before → after**: before = ${baseline!.label}.` : ''}\n`,
  );
  out.push(`| | ${d.sizes.map(size).join(' | ')} |`);
  out.push(`|---|${d.sizes.map(() => '---|').join('')}`);
  const row = (label: string, cell: (s: DistrictSizeResult) => string) => out.push(growthRow(label, d, cell, before));
  row('template rows (reports asked for) / workbooks', (s) => `${s.templateRows} / ${s.workbooks}`);
  row(
    'sheets sent back / reports in them (blank percents, units missing)',
    (s) => `${s.files} / ${s.reports} (${s.blankRows}, ${s.missingUnits})`,
  );
  row('first export of the page (starts the writer)', (s) => fms(s.firstExportMs ?? NaN));
  row('**export**, click → .zip', (s) => fms(med(s.exportMs)));
  row('… a workbook', (s) => fms(perWorkbook(s)));
  row('bare exceljs load + write of the templates (Worker)', (s) => fms(med(s.bareLoadWrite)));
  row("… the same on a page's main thread (once)", (s) => fms(s.bareLoadWriteMain));
  row(`**export / bare** (goal ≤ ${DISTRICT_GOALS.exportRatio}×)`, (s) => fx(exportRatio(s)));
  row('progress 正在生成 n/N seen during the export', (s) =>
    s.exportProgressSeen === undefined ? 'n/a' : s.exportProgressSeen ? 'yes' : 'no',
  );
  row('first import of the page (starts the reader workers)', (s) => fms(s.firstPreviewMs ?? NaN));
  row('**import**, choose → preview', (s) => fms(med(s.previewMs)));
  row('… a file', (s) => fms(perFile(s)));
  row('bare exceljs load of the filled sheets (Worker)', (s) => fms(med(s.bareLoad)));
  row(`**import / bare** (goal ≤ ${DISTRICT_GOALS.importRatio}×)`, (s) => fx(importRatio(s)));
  row('confirm → stored (确认导入 → message)', (s) => fms(s.commitMs));
  row('… a report', (s) => `${(s.commitMs / s.reports).toFixed(2)} ms`);
  for (const screen of SCREENS)
    row(`${screen.label} (\`#/${screen.route}\`)`, (s) => fms(med(s.screens[screen.label])));
  row('JS heap after the task list (MB)', (s) => s.heapAfterTasks.usedMB.toFixed(1));
  row('JS heap with the import previewed (MB)', (s) => s.heapAfterPreview.usedMB.toFixed(1));
  row('JS heap after import + every screen (MB)', (s) => s.heapAfterAll.usedMB.toFixed(1));
  row(`**heap after / after the task list** (goal ≤ ${DISTRICT_GOALS.heapRatio}×)`, (s) => fx(heapRatio(s)));
  out.push('\n"First useful view" of each screen, the selector waited for:\n');
  for (const screen of SCREENS) out.push(`- ${screen.label}: \`${screen.selector}\``);
  return out.join('\n') + '\n';
}

/** The (f) paragraph of "What dominates": the measured ratios, and what made the batches super-linear. */
export function districtNotes(d: DistrictResult | undefined, baseline?: DistrictBaseline): string {
  const big = d?.sizes.at(-1);
  const small = d?.sizes[0];
  if (!big || !small) return '';
  const before = baseline?.result.sizes.find((s) => s.tasks === big.tasks && s.units === big.units);
  const was = (f: (s: DistrictSizeResult) => number, format: (v: number) => string) =>
    before ? ` (before: ${format(f(before))})` : '';
  const slowest = SCREENS.map((s) => [s.label, med(big.screens[s.label])] as const).sort((a, b) => b[1] - a[1]);
  return [
    `- **(f)** At ${size(big)}: all ${big.files} sheets to the preview in ${fms(med(big.previewMs))}, ${fx(importRatio(big))} a bare exceljs load of them${was(importRatio, fx)}, ${fms(perFile(big))} a file against ${fms(perFile(small))} at ${size(small)}; the ${big.workbooks} templates in ${fms(med(big.exportMs))}, ${fx(exportRatio(big))} a bare exceljs load + write${was(exportRatio, fx)}, ${fms(perWorkbook(big))} a workbook against ${fms(perWorkbook(small))} at ${size(small)}; the JS heap after the import and every screen ${fx(heapRatio(big))} its size after the task list${was(heapRatio, fx)}. Against the bare baselines measured in the same rounds, the cost stays flat over the sizes — import ${d!.sizes.map((s) => fx(importRatio(s))).join(', ')}; export ${d!.sizes.map((s) => fx(exportRatio(s))).join(', ')} at ${d!.sizes.map(size).join(', ')} — so both grow with the files, no faster (the absolute times per file move with the load of the machine, the bare ones too).`,
    `  What made the batches grow faster than the files: **import** — every file that came back from the reader workers replaced the file list, and every such update mapped every file read so far again (useMappedFiles), planned the whole batch so far again (progressChangeset), searched all previews for each file's counts, and rendered the screen with a plain table of every previewed row (${big.reports.toLocaleString('en')} rows × 7 cells at the end) and a spinning ring per file still being read: the n-th file cost work in proportion to n. Now each file is mapped once when it arrives, read files are shown in groups (at most every 150 ms), the plan is made once when the whole batch is read, the counts are looked up by file, and the preview is virtualised (only the rows in view are in the page). **Export** — each workbook was written by exceljs on the page's main thread, whose zero-delay timers Chromium clamps (the bare load + write there: ${fms(big.bareLoadWriteMain)}, against ${fms(med(big.bareLoadWrite))} in a Worker with fast timers), and each workbook's progress message re-rendered the whole 月度进展 screen (its table of every task and of every unit), so each workbook paid a render of a screen that grows with the district; milestones and last month's percents were searched per unit and task. Now the workbooks are written in a writer worker with the fast timers, the button tells the progress (正在生成 n/N…) without re-rendering the screen, what every workbook shares (due date, notes, columns) is described once, and the lookups are by key.`,
    `  What remains is in the month screens (not changed here): at ${size(big)} the slowest first views are ${slowest
      .slice(0, 3)
      .map(([label, ms]) => `${label} ${fms(ms)}`)
      .join(
        ', ',
      )}. A CPU profile of 督查反馈's first view at 600 × 120 (taken once, on an unminified build, 2026-12-04; about 10.5 s in all under the load of that day) put ~5.5 s in MUI's TextareaAutosize measuring every multiline 反馈意见 field in a layout effect (getComputedStyle and a hidden textarea: a forced layout for each of ~1,500 fields), ~2.2 s in rendering the ~1,500 rows' inputs (a Select and a TextField each, emotion styles), ~0.6 s in committing them and ~1.1 s in garbage collection. What would help, in the screen's own code: fixed-height fields (\`rows\` rather than autosize), a unit's rows rendered only when its section is open or in view, and useMonth's \`reports.find\` per task and unit (tasks × reports comparisons) replaced by a Map — the last also shows in 赛马排名 and 加扣分, whose remaining time is mostly the browser's own style, layout and paint, IndexedDB reads and garbage collection.`,
  ].join('\n');
}
