// The results as a table for stdout and as BENCHMARKS.md.
import type { BrowserResult } from './browser';
import type { LedgerResult } from './ledger';
import type { NodeResult } from './node-import';
import { fmtSummary, type Summary } from './stats';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  os: string;
  loadBefore: number[];
  loadAfter: number[];
}

export interface AllResults {
  machine: Machine;
  node?: Partial<NodeResult> & { error?: string };
  browser?: BrowserResult;
  ledger?: LedgerResult;
  durationMs: number;
}

export const GOALS = { largeRatio: 2.0, smallRatio: 2.0, fixedMs: 5, ledgerMs: 300 };

const f0 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : `${Math.round(v)} ms`);
const f1 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(1)} ms`);
const x = (s: Summary | undefined) => (s && s.n > 0 ? `${s.median.toFixed(2)}×` : 'n/a');
const med = (s: Summary | undefined) => (s && s.n > 0 ? s.median : NaN);
const verdict = (value: number, goal: number) => (Number.isFinite(value) ? (value <= goal ? 'met' : 'NOT met') : 'not measured');

interface Row {
  what: string;
  app: string;
  bare: string;
  ratio: string;
  goal: string;
  met: string;
}

export function summaryRows(r: AllResults): Row[] {
  const rows: Row[] = [];
  const nl = r.node?.large;
  if (nl) {
    rows.push({
      what: `(a) Node: ${nl.rows.toLocaleString('en')} rows × 14 cols, parse → map → commit (fake-indexeddb)`,
      app: `${f0(med(nl.total))} (parse ${f0(med(nl.parse))}, map ${f0(med(nl.map))}, commit ${f0(med(nl.commit))})`,
      bare: f0(med(nl.bare)),
      ratio: x(nl.ratio),
      goal: `≤ ${GOALS.largeRatio.toFixed(1)}×`,
      met: verdict(med(nl.ratio), GOALS.largeRatio),
    });
  }
  const bl = r.browser?.large;
  if (bl) {
    rows.push({
      what: `(a) Chromium: the same through the Worker, commit into IndexedDB`,
      app: `${f0(med(bl.total))} (parse ${f0(med(bl.parse))}, map ${f0(med(bl.map))}, commit ${f0(med(bl.commit))})`,
      bare: `${f0(med(bl.bareFast))} (Worker)`,
      ratio: x(bl.ratio),
      goal: `≤ ${GOALS.largeRatio.toFixed(1)}×`,
      met: verdict(med(bl.ratio), GOALS.largeRatio),
    });
  }
  const ns = r.node?.small;
  if (ns) {
    rows.push({
      what: `(b) Node: ${ns.small.files} files × ${ns.small.rows} rows, read + map`,
      app: f0(med(ns.small.appTotal)),
      bare: f0(med(ns.small.bareTotal)),
      ratio: x(ns.small.ratio),
      goal: `≤ ${GOALS.smallRatio}×`,
      met: verdict(med(ns.small.ratio), GOALS.smallRatio),
    });
    rows.push({
      what: `(b) Node: fixed cost per file (regression ${ns.small.rows}/${ns.medium.rows} rows)`,
      app: `${f1(ns.appFixed)} (app's own: ${f1(ns.appFixed - ns.bareFixed)})`,
      bare: f1(ns.bareFixed),
      ratio: '',
      goal: `≤ ${GOALS.fixedMs} ms`,
      met: verdict(ns.appFixed, GOALS.fixedMs),
    });
  }
  const bs = r.browser?.small;
  if (bs) {
    rows.push({
      what: `(b) Chromium: ${bs.small.files} files × ${bs.small.rows} rows, one after another, Worker + map`,
      app: f0(med(bs.small.appTotal)),
      bare: `${f0(med(bs.small.bareFastTotal))} (Worker, fast timers)`,
      ratio: x(bs.small.ratio),
      goal: `≤ ${GOALS.smallRatio}×`,
      met: verdict(med(bs.small.ratio), GOALS.smallRatio),
    });
    rows.push({
      what: `(b) Chromium: all ${bs.small.files} at once (import screen's way, 2 Workers)`,
      app: f0(med(bs.appBatch)),
      bare: `${f0(med(bs.bareFastBatch))} (2 Workers)`,
      ratio: x(bs.batchRatio),
      goal: `≤ ${GOALS.smallRatio}×`,
      met: verdict(med(bs.batchRatio), GOALS.smallRatio),
    });
    rows.push({
      what: `(b) Chromium: fixed cost per file (regression ${bs.small.rows}/${bs.medium.rows} rows)`,
      app: `${f1(bs.appFixed)} (app's own: ${f1(bs.appFixed - bs.bareFixed)})`,
      bare: `${f1(bs.bareFixed)} (plain Worker: ${f1(bs.bareClampedPerFile)} per file)`,
      ratio: '',
      goal: `≤ ${GOALS.fixedMs} ms`,
      met: verdict(bs.appFixed, GOALS.fixedMs),
    });
  }
  const lg = r.ledger;
  if (lg) {
    rows.push({
      what: `(c) Ledger first paint, ${lg.tasks.toLocaleString('en')} tasks, from another screen`,
      app: `${f0(med(lg.navigate))} (data ${f0(med(lg.navigateData))}, render ${f0(med(lg.navigateRender))})`,
      bare: `raw getAll ${f0(med(lg.readAll))}`,
      ratio: '',
      goal: `≤ ${GOALS.ledgerMs} ms`,
      met: verdict(med(lg.navigate), GOALS.ledgerMs),
    });
    rows.push({
      what: `(c) Ledger first paint, reload on #/ledger (from navigation start)`,
      app: `${f0(med(lg.reload))} (app shell ${f0(med(lg.reloadShell))}, data ${f0(med(lg.reloadData))})`,
      bare: '',
      ratio: '',
      goal: `(≤ ${GOALS.ledgerMs} ms)`,
      met: verdict(med(lg.reload), GOALS.ledgerMs),
    });
  }
  return rows;
}

function markdownTable(rows: Row[]): string {
  const head = '| Benchmark | App (median) | Bare exceljs (median) | Ratio | Goal | Result |\n|---|---|---|---|---|---|\n';
  return head + rows.map((r) => `| ${r.what} | ${r.app} | ${r.bare} | ${r.ratio} | ${r.goal} | ${r.met === 'NOT met' ? '**NOT met**' : r.met} |`).join('\n') + '\n';
}

/** A compact plain-text table for the terminal. */
export function consoleTable(r: AllResults): string {
  const rows = summaryRows(r);
  const cols: (keyof Row)[] = ['what', 'app', 'bare', 'ratio', 'goal', 'met'];
  const titles: Record<keyof Row, string> = { what: 'benchmark', app: 'app (median)', bare: 'bare (median)', ratio: 'ratio', goal: 'goal', met: 'result' };
  const width = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  const widths = cols.map((c) => Math.max(width(titles[c]), ...rows.map((row) => width(row[c]))));
  const line = (cells: string[]) => cells.map((cell, i) => cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)))).join(' │ ');
  return [line(cols.map((c) => titles[c])), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map((row) => line(cols.map((c) => row[c])))].join('\n');
}

const largest = (parts: Record<string, number>) => Object.entries(parts).sort((a, b) => b[1] - a[1]);

function details(r: AllResults): string {
  const out: string[] = [];
  const nl = r.node?.large;
  const bl = r.browser?.large;
  if (nl || bl) {
    out.push('### (a) 15,000-row progress workbook, whole import\n');
    out.push('Median (min–max) over the repetitions. "commit" includes the SHA-256 of the file and building the plan with the app\'s `planProgressImport` (one new `reports` row per mapped row, one `submissions` row), then `commitImport`.\n');
    out.push('| Step | Node (fake-indexeddb) | Chromium (Worker + IndexedDB) |\n|---|---|---|');
    const cell = (s: Summary | undefined) => (s ? fmtSummary(s) : 'n/a');
    out.push(`| bare exceljs load | ${cell(nl?.bare)} | ${cell(bl?.bareFast)} (Worker with MessageChannel timers); ${cell(bl?.bareClamped)} (plain Worker) |`);
    out.push(`| parse (readWorkbook${bl ? '; in Chromium incl. Worker round trip' : ''}) | ${cell(nl?.parse)} | ${cell(bl?.parse)} |`);
    out.push(`| map (mapProgress) | ${cell(nl?.map)} | ${cell(bl?.map)} |`);
    out.push(`| commit (SHA-256 + plan + commitImport) | ${cell(nl?.commit)} | ${cell(bl?.commit)} |`);
    out.push(`| … of which SHA-256 + planProgressImport | ${cell(nl?.plan)} | ${cell(bl?.plan)} |`);
    out.push(`| whole import | ${cell(nl?.total)} | ${cell(bl?.total)} |`);
    out.push(`| ratio to bare | ${x(nl?.ratio)} | ${x(bl?.ratio)} |`);
    if (nl?.parseSplit) out.push(`\nParse in Node, split once: sniff (ZIP directory, inflate + CRC + XML checks) ${f0(nl.parseSplit.sniff)}, exceljs load + grid ${f0(nl.parseSplit.readXlsx)}.`);
    const partsLine = (label: string, parts: Record<string, number> | undefined) =>
      parts ? `${label}: ${largest(parts).map(([k, v]) => `${k} ${f0(v)}`).join(', ')}.` : '';
    out.push('\nWhat commitImport does, measured piece by piece (plain Dexie calls, each alone in its own transaction, once):\n');
    if (nl) out.push(`- ${partsLine('Node', nl.commitParts)}`);
    if (bl) out.push(`- ${partsLine('Chromium', bl.commitParts)}`);
    out.push('');
  }
  const ns = r.node?.small;
  const bs = r.browser?.small;
  if (ns || bs) {
    out.push('### (b) 100 small workbooks\n');
    out.push('Per-file time = mean over the files of each file\'s median. Fixed cost = intercept of the line through the per-file times at the two sizes.\n');
    out.push('| | Node | Chromium |\n|---|---|---|');
    if (ns && bs) {
      out.push(`| app, ${ns.small.rows} rows: per file | ${f1(ns.small.appPerFile)} | ${f1(bs.small.appPerFile)} |`);
      out.push(`| bare, ${ns.small.rows} rows: per file | ${f1(ns.small.barePerFile)} | ${f1(bs.small.bareFastPerFile)} (fast timers); ${f1(bs.bareClampedPerFile)} (plain Worker) |`);
      out.push(`| app, ${ns.medium.rows} rows: per file | ${f1(ns.medium.appPerFile)} | ${f1(bs.medium.appPerFile)} |`);
      out.push(`| bare, ${ns.medium.rows} rows: per file | ${f1(ns.medium.barePerFile)} | ${f1(bs.medium.bareFastPerFile)} |`);
      out.push(`| app: fixed cost per file | ${f1(ns.appFixed)} | ${f1(bs.appFixed)} |`);
      out.push(`| bare: fixed cost per file | ${f1(ns.bareFixed)} | ${f1(bs.bareFixed)} |`);
      out.push(`| ${ns.small.files} files, sequential: app / bare | ${fmtSummary(ns.small.appTotal)} / ${fmtSummary(ns.small.bareTotal)} | ${fmtSummary(bs.small.appTotal)} / ${fmtSummary(bs.small.bareFastTotal)} |`);
      out.push(`| ${ns.medium.files} files of ${ns.medium.rows} rows: ratio | ${x(ns.medium.ratio)} | ${x(bs.medium.ratio)} |`);
    } else if (ns) {
      out.push(`| app / bare per file, ${ns.small.rows} rows | ${f1(ns.small.appPerFile)} / ${f1(ns.small.barePerFile)} | n/a |`);
      out.push(`| fixed cost app / bare | ${f1(ns.appFixed)} / ${f1(ns.bareFixed)} | n/a |`);
    }
    if (ns?.parseSplit) out.push(`\nPer small file in Node, split once: sniff ${f1(ns.parseSplit.sniff)}, exceljs load + grid ${f1(ns.parseSplit.readXlsx)}, mapProgress ${f1(ns.parseSplit.map)}.`);
    out.push('');
  }
  const lg = r.ledger;
  if (lg) {
    out.push('### (c) Ledger first paint with 100,000 stored tasks\n');
    out.push(`Seeded in ${f0(lg.seedMs)} (one IndexedDB transaction: 100,000 tasks, 12 sections, 60 units, 10 leaders). "First paint" = the first data row of the 任务台账 table is in the DOM and the next frame has run.\n`);
    out.push('| | median (min–max) |\n|---|---|');
    out.push(`| from 工作年度 to #/ledger: first row painted | ${fmtSummary(lg.navigate)} |`);
    out.push(`| … until LedgerScreen has its data (\`ledger:rows\` mark) | ${fmtSummary(lg.navigateData)} |`);
    out.push(`| … from data to painted row (React render, layout, paint) | ${fmtSummary(lg.navigateRender)} |`);
    out.push(`| … main-thread long tasks during the navigation (sum) | ${fmtSummary(lg.navigateLongTasks)} |`);
    out.push(`| reload on #/ledger: first row painted (from navigation start) | ${fmtSummary(lg.reload)} |`);
    out.push(`| … app shell (navigation drawer) shown | ${fmtSummary(lg.reloadShell)} |`);
    out.push(`| … LedgerScreen has its data | ${fmtSummary(lg.reloadData)} |`);
    out.push(`| raw IndexedDB: getAll of the year's 100,000 tasks (yearId index) | ${fmtSummary(lg.readAll)} |`);
    out.push(`| raw: sorting them as listTasks does | ${fmtSummary(lg.sort)} |`);
    out.push('');
  }
  return out.join('\n');
}

function notes(r: AllResults): string {
  const out: string[] = [];
  const nl = r.node?.large;
  const bl = r.browser?.large;
  if (nl || bl) {
    const missed = [nl, bl].some((v) => v && med(v.ratio) > GOALS.largeRatio);
    const top = (parts: Record<string, number> | undefined) => (parts ? largest(parts).slice(0, 2).map(([k, v]) => `${k} (${f0(v)})`).join(', then ') : 'n/a');
    out.push(`- **(a)** Parsing costs about what a bare exceljs load costs (parse/bare ${nl ? (med(nl.parse) / med(nl.bare)).toFixed(2) : 'n/a'} in Node${bl ? `, ${(med(bl.parse) / med(bl.bareFast)).toFixed(2)} in Chromium incl. handing the grid back from the Worker` : ''}) and mapping is small (${f0(med(nl?.map ?? bl?.map))}). **The commit dominates**: ${f0(med(nl?.commit))} in Node, ${f0(med(bl?.commit))} in Chromium's IndexedDB, for ${(nl ?? bl)?.rows.toLocaleString('en')} new reports. Measured piece by piece, its largest parts are: Node — ${top(nl?.commitParts)}; Chromium — ${top(bl?.commitParts)}.${bl ? ` (In Chromium the pieces add up to ${f0(Object.values(bl.commitParts).reduce((a, b) => a + b, 0))} of the commit's ${f0(med(bl.commit))}.)` : ''}`);
    if (missed) {
      const advice: [string, string][] = [
        ['checks', '`checkStoredRows(\'reports\')` (validate.ts `checkReports`) runs, for every written row, its own indexed query (`reports.where(\'[taskId+month]\')…filter…count()`) to refuse a second report of the same unit, task and month — 15,000 sequential IndexedDB requests — and builds a label string per row. Reading the month\'s reports once (e.g. by `[yearId+month]`) and checking the keys in a Set would make it one request.'],
        ['audit.bulkAdd', 'every created row also gets its own audit entry carrying the whole row; for *created* rows one audit entry per batch (the batch record already lists the rows) would remove a second copy.'],
        ['importBatches', 'the batch record keeps every row again in `changes`, and the writer logs the batch itself with the whole batch as `after` (a third and fourth copy); keeping only ids (or hashes) of created rows would shrink both.'],
        ['reports.bulkAdd', 'the `reports` rows themselves with their secondary indexes: the irreducible part; fewer indexes would help a little.'],
        ['reports.bulkGet', 'the id pre-check (`bulkGet` of every new id) only serves a friendlier message on a clash of freshly generated UUIDs; a clash fails the `bulkAdd` and aborts the transaction anyway.'],
      ];
      const ranked = largest(bl?.commitParts ?? nl?.commitParts ?? {}).map(([k]) => k);
      const lines = ranked.map((k) => advice.find(([prefix]) => k.startsWith(prefix))).filter((v): v is [string, string] => v !== undefined).slice(0, 3);
      out.push(`  What would bring the whole import under ${GOALS.largeRatio.toFixed(1)}× (parse and map alone are already within it), in order of the measured cost: ${lines.map(([, text], i) => `(${i + 1}) ${text}`).join(' ')}`);
    }
  }
  const ns = r.node?.small;
  const bs = r.browser?.small;
  if (ns || bs) {
    const fixedMissed = [ns?.appFixed, bs?.appFixed].some((v) => v !== undefined && v > GOALS.fixedMs);
    out.push(`- **(b)** Reading + mapping small files stays within ${Math.max(med(ns?.small.ratio), med(bs?.small.ratio)).toFixed(2)}× of bare parsing. In Chromium the app's Worker avoids exceljs's clamped-timer wait: a bare load in a plain Worker costs ${f1(bs?.bareClampedPerFile)} per 30-row file, the app ${f1(bs?.small.appPerFile)}.`);
    if (fixedMissed) {
      out.push(`  The fixed cost per file is above ${GOALS.fixedMs} ms${ns ? ` in Node (${f1(ns.appFixed)})` : ''}${bs ? `${ns ? ',' : ''} in Chromium (${f1(bs.appFixed)})` : ''}, but most of it is exceljs's own fixed cost (bare: ${f1(ns?.bareFixed)} in Node${bs ? `, ${f1(bs.bareFixed)} in Chromium` : ''}); the app adds ${f1(ns ? ns.appFixed - ns.bareFixed : NaN)} in Node${bs ? ` and ${f1(bs.appFixed - bs.bareFixed)} in Chromium (Worker round trip, structured clone of the grid, mapping on the page)` : ''}. Meeting ≤ ${GOALS.fixedMs} ms outright needs a lighter reader for small .xlsx files (e.g. reading the sheet XML directly with fflate + a streaming XML parser) rather than tuning around exceljs; the sniff step (which inflates every part to check it) costs ${f1(ns?.parseSplit?.sniff)} per small file in Node.`);
    }
  }
  const lg = r.ledger;
  if (lg) {
    const missed = med(lg.navigate) > GOALS.ledgerMs;
    out.push(`- **(c)** What dominates is reading the data, not rendering: of the ${f0(med(lg.navigate))} to the first painted row, ${f0(med(lg.navigateData))} pass before LedgerScreen has its four live queries' results, and only ${f0(med(lg.navigateRender))} after (the table is virtualised, so ~20 rows are rendered). A raw \`getAll\` of the 100,000 tasks alone takes ${f0(med(lg.readAll))} (IndexedDB reads and structured-clone deserialisation of every task on the page's thread; long tasks during a navigation sum to ${f0(med(lg.navigateLongTasks))}); the sort as listTasks does it is ${f0(med(lg.sort))}.`);
    if (missed) {
      out.push('  To paint within 300 ms the ledger must not wait for all 100,000 full task records: e.g. fetch the first screenful first (an index in ledger order such as `[yearId+sortKey]`, read with a limit) and the rest in the background; read a slim projection (the 7 shown columns, kept in a small `ledgerRows` table or one cached record per year) instead of whole tasks with their measures and targets; and keep the year\'s rows in memory across screens so coming back to the ledger does not re-read. Dexie\'s `useLiveQuery` also re-runs the whole read after any write to `tasks`.');
    }
  }
  out.push(`- The machine is shared: other processes (tests of other engineers) may run at the same time — load average ${r.machine.loadBefore.map((v) => v.toFixed(2)).join(' / ')} before and ${r.machine.loadAfter.map((v) => v.toFixed(2)).join(' / ')} after this run (1/5/15 min) on ${r.machine.cores} cores. Medians over several repetitions damp this, the min–max ranges show it; compare ratios rather than absolute times across runs.`);
  out.push('- Node has no clamped browser timers and uses fake-indexeddb (pure JavaScript), so its commit times are not Chromium\'s; the Chromium rows use the app\'s real Worker path (`io/excel/client.ts`) and IndexedDB.');
  return out.join('\n');
}

export function markdown(r: AllResults): string {
  const m = r.machine;
  const errors = [
    r.node?.error && `Node benchmarks: ${r.node.error}`,
    r.browser?.error && `Chromium import benchmarks: ${r.browser.error}`,
    r.ledger?.error && `Ledger benchmark: ${r.ledger.error}`,
  ].filter(Boolean);
  return `# Benchmarks

Speed of the Excel import and of the task ledger (issue 3, "Speed"). These are benchmarks, not
timed tests: they are not part of \`npm test\`, and a missed goal is reported here, not failed.
The data is generated on each run (seeded, so runs are comparable): progress workbooks as the
app's own 月度进展情况表 export looks (title rows, styled header, hidden 任务编号 column,
validations, hidden \`_meta\` sheet; the 12 columns of PRODUCT.md §6 plus 序号 and
计划累计进度(%)), written with the app's own writer.

## How to run

\`\`\`sh
npm run bench            # about 3–5 minutes; rewrites this file
npm run bench -- --only node|browser|ledger   # one part (this file is rewritten with that part only)
\`\`\`

It builds the renderer and a small benchmark page (scripts/bench/browser) into a temporary
folder, serves them on free local ports and drives Debian's Chromium (\`/usr/bin/chromium\`, or
\`CHROMIUM_PATH\`) headless with Playwright; the Node part runs in a child process
(\`node --expose-gc --import tsx\`). Sources: \`scripts/bench/\`.

## Machine

- Date: ${m.date}
- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB.toFixed(1)} GiB; ${m.os}
- Node ${m.node}; Chromium ${m.chromium}
- Load average before / after (1, 5, 15 min): ${m.loadBefore.map((v) => v.toFixed(2)).join(', ')} / ${m.loadAfter.map((v) => v.toFixed(2)).join(', ')}
- Whole run: ${Math.round(r.durationMs / 1000)} s

## Results

${markdownTable(summaryRows(r))}
${errors.length ? `\n**Errors:** ${errors.join('; ')}\n` : ''}
Goals (issue 3): (a) whole import ≤ ${GOALS.largeRatio.toFixed(1)}× a bare exceljs load of the same bytes; (b) ≤ ${GOALS.smallRatio}× bare
parsing and a fixed cost ≤ ${GOALS.fixedMs} ms per file; (c) ledger first paint ≤ ${GOALS.ledgerMs} ms with 100k stored rows.
"App's own" fixed cost = the app's fixed cost minus bare exceljs's.

## Details

${details(r)}
## What dominates, and what would make it faster

${notes(r)}
`;
}
