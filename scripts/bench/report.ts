// The results as a table for stdout and as BENCHMARKS.md.
import type { BrowserResult } from './browser';
import type { DistrictResult } from './district';
import { DISTRICT_GOALS, districtDetails, districtNotes, districtSummaryRows, loadBaseline } from './district-report';
import { BENCH_MONTH } from './constants';
import type { LedgerResult } from './ledger';
import type { NodeResult } from './node-import';
import type { PrintResult } from './print';
import type { ScoringResult } from './scoring';
import { fmtSummary, type Summary } from './stats';
import type { SyncResult } from './sync';
import { syncConsoleRows, syncSection } from './sync-report';

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
  scoring?: Partial<ScoringResult> & { error?: string };
  print?: PrintResult;
  district?: DistrictResult;
  sync?: SyncResult;
  durationMs: number;
}

export const GOALS = { largeRatio: 2.0, smallRatio: 2.0, fixedMs: 5, ledgerMs: 300, scoringMs: 50, pdfPageMs: 10 };

const f0 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : `${Math.round(v)} ms`);
const f1 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 'n/a' : `${v.toFixed(1)} ms`);
/** CSS px, with mm on paper. */
const px = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} px ≈ ${((v * 25.4) / 96).toFixed(1)} mm` : 'n/a');
const x = (s: Summary | undefined) => (s && s.n > 0 ? `${s.median.toFixed(2)}×` : 'n/a');
const med = (s: Summary | undefined) => (s && s.n > 0 ? s.median : NaN);
const verdict = (value: number, goal: number) =>
  Number.isFinite(value) ? (value <= goal ? 'met' : 'NOT met') : 'not measured';

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
  const sc = r.scoring;
  if (sc?.total) {
    rows.push({
      what: `(d) Node: recompute all scores and rankings, ${sc.units} units × ${sc.months} months × ${sc.tasks?.toLocaleString('en')} tasks`,
      app: `${f1(med(sc.total))} (proposals ${f1(med(sc.propose))}, scores + ranking + lists ${f1(med(sc.rest))})`,
      bare: '',
      ratio: '',
      goal: `≤ ${GOALS.scoringMs} ms`,
      met: verdict(med(sc.total), GOALS.scoringMs),
    });
  }
  const pr = r.print;
  if (pr) {
    const docs = [
      [pr.lists, `(e) Chromium: the ${BENCH_MONTH}月 红黑榜 of (d)'s data (${pr.lists.units} units) to PDF`],
      [
        pr.ranking,
        `(e) Chromium: the ${BENCH_MONTH}月 赛马 ranking, ${pr.ranking.units} units (${pr.ranking.pages} pages), to PDF`,
      ],
    ] as const;
    for (const [doc, label] of docs) {
      if (doc.pages === 0) continue;
      rows.push({
        what: label,
        app: `${f1(doc.perPage)} per page (${f0(med(doc.pdf))} for ${doc.pages} pages)`,
        bare: `empty page ${f0(med(pr.blank))}`,
        ratio: '',
        goal: `≤ ${GOALS.pdfPageMs} ms per page`,
        met: verdict(doc.perPage, GOALS.pdfPageMs),
      });
    }
  }
  rows.push(...districtSummaryRows(r.district));
  return rows;
}

function markdownTable(rows: Row[]): string {
  const head = '| Benchmark | App (median) | Baseline (median) | Ratio | Goal | Result |\n|---|---|---|---|---|---|\n';
  return (
    head +
    rows
      .map(
        (r) =>
          `| ${r.what} | ${r.app} | ${r.bare} | ${r.ratio} | ${r.goal} | ${r.met === 'NOT met' ? '**NOT met**' : r.met} |`,
      )
      .join('\n') +
    '\n'
  );
}

/** A compact plain-text table for the terminal. */
export function consoleTable(r: AllResults): string {
  const rows = [
    ...summaryRows(r),
    ...syncConsoleRows(r.sync).map(({ what, app }) => ({ what, app, bare: '', ratio: '', goal: '', met: '' })),
  ];
  const cols: (keyof Row)[] = ['what', 'app', 'bare', 'ratio', 'goal', 'met'];
  const titles: Record<keyof Row, string> = {
    what: 'benchmark',
    app: 'app (median)',
    bare: 'baseline (median)',
    ratio: 'ratio',
    goal: 'goal',
    met: 'result',
  };
  const width = (s: string) => [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  const widths = cols.map((c) => Math.max(width(titles[c]), ...rows.map((row) => width(row[c]))));
  const line = (cells: string[]) =>
    cells.map((cell, i) => cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)))).join(' │ ');
  return [
    line(cols.map((c) => titles[c])),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...rows.map((row) => line(cols.map((c) => row[c]))),
  ].join('\n');
}

const largest = (parts: Record<string, number>) => Object.entries(parts).sort((a, b) => b[1] - a[1]);

function details(r: AllResults): string {
  const out: string[] = [];
  const district = districtDetails(r.district, loadBaseline());
  const nl = r.node?.large;
  const bl = r.browser?.large;
  if (nl || bl) {
    out.push('### (a) 15,000-row progress workbook, whole import\n');
    out.push(
      'Median (min–max) over the repetitions. "commit" includes the SHA-256 of the file and building the plan with the app\'s `progressChangeset` (one new `reports` row per mapped row, one `submissions` row), then `commitImport`.\n',
    );
    out.push('| Step | Node (fake-indexeddb) | Chromium (Worker + IndexedDB) |\n|---|---|---|');
    const cell = (s: Summary | undefined) => (s ? fmtSummary(s) : 'n/a');
    out.push(
      `| bare exceljs load | ${cell(nl?.bare)} | ${cell(bl?.bareFast)} (Worker with MessageChannel timers); ${cell(bl?.bareClamped)} (plain Worker) |`,
    );
    out.push(
      `| parse (readWorkbook${bl ? '; in Chromium incl. Worker round trip' : ''}) | ${cell(nl?.parse)} | ${cell(bl?.parse)} |`,
    );
    out.push(`| map (mapProgress) | ${cell(nl?.map)} | ${cell(bl?.map)} |`);
    out.push(`| commit (SHA-256 + plan + commitImport) | ${cell(nl?.commit)} | ${cell(bl?.commit)} |`);
    out.push(`| … of which SHA-256 + progressChangeset | ${cell(nl?.plan)} | ${cell(bl?.plan)} |`);
    out.push(`| whole import | ${cell(nl?.total)} | ${cell(bl?.total)} |`);
    out.push(`| ratio to bare | ${x(nl?.ratio)} | ${x(bl?.ratio)} |`);
    if (nl?.parseSplit)
      out.push(
        `\nParse in Node, split once: sniff (ZIP directory, inflate + CRC + XML checks) ${f0(nl.parseSplit.sniff)}, exceljs load + grid ${f0(nl.parseSplit.readXlsx)}.`,
      );
    const partsLine = (label: string, parts: Record<string, number> | undefined) =>
      parts
        ? `${label}: ${largest(parts)
            .map(([k, v]) => `${k} ${f0(v)}`)
            .join(', ')}.`
        : '';
    out.push(
      '\nWhat commitImport does, measured piece by piece (plain Dexie calls, each alone in its own transaction, once):\n',
    );
    if (nl) out.push(`- ${partsLine('Node', nl.commitParts)}`);
    if (bl) out.push(`- ${partsLine('Chromium', bl.commitParts)}`);
    out.push('');
  }
  const ns = r.node?.small;
  const bs = r.browser?.small;
  if (ns || bs) {
    out.push('### (b) 100 small workbooks\n');
    out.push(
      "Per-file time = mean over the files of each file's median. Fixed cost = intercept of the line through the per-file times at the two sizes.\n",
    );
    out.push('| | Node | Chromium |\n|---|---|---|');
    if (ns && bs) {
      out.push(`| app, ${ns.small.rows} rows: per file | ${f1(ns.small.appPerFile)} | ${f1(bs.small.appPerFile)} |`);
      out.push(
        `| bare, ${ns.small.rows} rows: per file | ${f1(ns.small.barePerFile)} | ${f1(bs.small.bareFastPerFile)} (fast timers); ${f1(bs.bareClampedPerFile)} (plain Worker) |`,
      );
      out.push(`| app, ${ns.medium.rows} rows: per file | ${f1(ns.medium.appPerFile)} | ${f1(bs.medium.appPerFile)} |`);
      out.push(
        `| bare, ${ns.medium.rows} rows: per file | ${f1(ns.medium.barePerFile)} | ${f1(bs.medium.bareFastPerFile)} |`,
      );
      out.push(`| app: fixed cost per file | ${f1(ns.appFixed)} | ${f1(bs.appFixed)} |`);
      out.push(`| bare: fixed cost per file | ${f1(ns.bareFixed)} | ${f1(bs.bareFixed)} |`);
      out.push(
        `| ${ns.small.files} files, sequential: app / bare | ${fmtSummary(ns.small.appTotal)} / ${fmtSummary(ns.small.bareTotal)} | ${fmtSummary(bs.small.appTotal)} / ${fmtSummary(bs.small.bareFastTotal)} |`,
      );
      out.push(
        `| ${ns.medium.files} files of ${ns.medium.rows} rows: ratio | ${x(ns.medium.ratio)} | ${x(bs.medium.ratio)} |`,
      );
    } else if (ns) {
      out.push(
        `| app / bare per file, ${ns.small.rows} rows | ${f1(ns.small.appPerFile)} / ${f1(ns.small.barePerFile)} | n/a |`,
      );
      out.push(`| fixed cost app / bare | ${f1(ns.appFixed)} / ${f1(ns.bareFixed)} | n/a |`);
    }
    if (ns?.parseSplit)
      out.push(
        `\nPer small file in Node, split once: sniff ${f1(ns.parseSplit.sniff)}, exceljs load + grid ${f1(ns.parseSplit.readXlsx)}, mapProgress ${f1(ns.parseSplit.map)}.`,
      );
    out.push('');
  }
  const lg = r.ledger;
  if (lg) {
    out.push('### (c) Ledger first paint with 100,000 stored tasks\n');
    out.push(
      `Seeded in ${f0(lg.seedMs)} (one IndexedDB transaction: 100,000 tasks, 12 sections, 60 units, 10 leaders). "First paint" = the first data row of the 任务台账 table is in the DOM and the next frame has run.\n`,
    );
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
  const sc = r.scoring;
  if (sc?.total) {
    const s1 = (v: Summary | undefined) => (v ? fmtSummary(v, 1) : 'n/a');
    const groups = Object.entries(sc.groups ?? {})
      .map(([g, n]) => `${n} ${g}`)
      .join(', ');
    const byRule = Object.entries(sc.byRule ?? {})
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    out.push('### (d) Recomputing every score and ranking of a year\n');
    out.push(
      `Generated (seeded, scripts/bench/scoring-data.ts): ${sc.units} units (${groups}), ${sc.tasks?.toLocaleString('en')} tasks (a lead unit and 0–3 co-units each; due mostly 11-30, some 06-30, 09-30, 12-31), ${sc.milestones?.toLocaleString('en')} milestones (月方案 for a third of the tasks) and, over the ${sc.months} months of the window 3–11: ${sc.reports?.toLocaleString('en')} progress reports, ${sc.submissions?.toLocaleString('en')} sheets received (each month 4 % of the units send none, 10 % send late), ${sc.feedback?.toLocaleString('en')} feedback rows (explanations accepted for about a third of the explained behind reports); the default rule table (\`defaultScoreRules\`), due dates from \`dueDate\` (calendar.ts), review date 2026-12-15. Core proposes ${sc.proposals?.toLocaleString('en')} entries over the 9 months (${byRule}); ${sc.confirmed?.toLocaleString('en')} are taken as confirmed and ${sc.waived} as waived by an accepted explanation (as the store keeps them). The 9 months' lists hold ${sc.red} red and ${sc.black} black placings and ${sc.suggestions} 约谈 suggestions.\n`,
    );
    out.push(
      `Timed, as core/scoreboard.ts computes it: for each month \`proposeEntries(facts)\`; then every month's scores (\`monthScores\`), the ranking per group with the previous month (\`rankGroups\`), the 红黑榜 (\`redBlackLists\`, with each month's shortfalls, \`monthShortfalls\`) and the 约谈 suggestions (\`interviewSuggestions\`). The facts are split per month beforehand (the app reads them per month from IndexedDB). Median (min–max) over ${sc.total.n} repetitions after 3 warm-ups (the split of the proposals: ${sc.proposeNoRules?.n} repetitions of the three variants, interleaved), in a child process (\`node --expose-gc --import tsx\`); GC forced once before the repetitions, not before each (a forced full GC shrinks V8's young generation and the next run pays ~15 ms to grow it again).\n`,
    );
    out.push('| Step (all 9 months) | median (min–max) |\n|---|---|');
    out.push(`| proposals: \`proposeEntries\` × 9 | ${s1(sc.propose)} |`);
    if (sc.slowestMonth) out.push(`| … slowest month (${sc.slowestMonth.month}月) | ${f1(sc.slowestMonth.ms)} |`);
    out.push(`| … with no rule on (indexing the month's facts only) | ${s1(sc.proposeNoRules)} |`);
    out.push(`| … with only the sheet rules on (late, missing) | ${s1(sc.proposeSheetRules)} |`);
    out.push(
      `| … with only the task rules on (behind, behind_unexplained, behind_twice, done_early) | ${s1(sc.proposeTaskRules)} |`,
    );
    out.push(`| scores: \`monthScores\` × 9 | ${s1(sc.scores)} |`);
    out.push(`| ranking: \`rankGroups\` × 9 | ${s1(sc.ranking)} |`);
    out.push(`| 红黑榜: \`redBlackLists\` × 9 | ${s1(sc.lists)} |`);
    out.push(`| … of which the shortfalls (\`monthShortfalls\`) | ${s1(sc.listsBehind)} |`);
    out.push(`| 约谈: \`interviewSuggestions\` × 9 | ${s1(sc.interviews)} |`);
    out.push(`| scores + ranking + lists + 约谈 | ${s1(sc.rest)} |`);
    out.push(`| **whole recomputation** | **${s1(sc.total)}** |`);
    out.push(`| (not counted) proposals → decided entries, the store's part | ${s1(sc.decide)} |`);
    out.push('');
  }
  const pr = r.print;
  if (pr && (pr.lists.pages > 0 || pr.ranking.pages > 0)) {
    const { lists: li, ranking: ra } = pr;
    out.push('### (e) Printing to PDF\n');
    out.push(
      `The app built as for (c). Written into its IndexedDB (one browser context, so one database, per document): the year, its units, tasks and rule table, and the score entries core proposes from the generated facts of (d) (all confirmed, waived where an explanation was accepted), the months marked published. Then the screen opened — \`#/lists/${BENCH_MONTH}\` (红黑榜) and \`#/ranking/${BENCH_MONTH}\` (赛马排名, month view), whose PrintDocument is what their print buttons print — \`page.emulateMedia({ media: 'print' })\` and \`page.pdf({ format: 'A4', preferCSSPageSize: true })\`. All the pages below are printed in ${li.pdf.n} rounds after a warm-up, taking turns in a rotating order within each round (load from other processes falls on all alike). Pages are counted in the PDF (pdf-parse), whose text is checked for the title and the page numbers — 1 — … — N —.\n`,
    );
    out.push(
      `| | 红黑榜, ${li.units} units (${li.tasks.toLocaleString('en')} tasks) | 赛马 ranking, ${ra.units} units (${ra.tasks.toLocaleString('en')} tasks) |\n|---|---|---|`,
    );
    const row = (label: string, a: string, b: string) => out.push(`| ${label} | ${a} | ${b} |`);
    row('rows printed', `${li.rows} (${li.red} red, ${li.black} black)`, `${ra.rows} (every unit, in 2 groups)`);
    row('pages', String(li.pages), String(ra.pages));
    row('PDF size', `${Math.round(li.bytes / 1024)} KiB`, `${Math.round(ra.bytes / 1024)} KiB`);
    row('page.pdf, whole document', fmtSummary(li.pdf), fmtSummary(ra.pdf));
    row('**per page** (median / pages)', `**${f1(li.perPage)}**`, `**${f1(ra.perPage)}**`);
    row(
      "the printed document alone, static (its HTML + the page's CSS, no app around it)",
      `${fmtSummary(li.staticCopy)}, ${li.staticPages} pages`,
      `${fmtSummary(ra.staticCopy)}, ${ra.staticPages} pages`,
    );
    row('seeding IndexedDB (once)', f0(li.seedMs), f0(ra.seedMs));
    out.push(
      `\nIn the same rounds, for comparison: page.pdf of an empty page ${fmtSummary(pr.blank)}; of one line of CJK text in Noto Serif CJK (the face the print falls back to on this machine) ${fmtSummary(pr.fontRegular)}; of that line and a bold one (a second face, as the print has: 红榜/黑榜 and the group headings are bold) ${fmtSummary(pr.fonts)}.${Number.isFinite(pr.fixedMs) && pr.fixedMs > 0 && pr.slopeMs > 0 ? ` Line through the two documents: ${f0(pr.fixedMs)} per print + ${f1(pr.slopeMs)} per page.` : ''}`,
    );
    out.push('');
  }
  if (district) out.push(district);
  return out.join('\n');
}

function notes(r: AllResults): string {
  const out: string[] = [];
  const nl = r.node?.large;
  const bl = r.browser?.large;
  if (nl || bl) {
    const missed = [nl, bl].some((v) => v && med(v.ratio) > GOALS.largeRatio);
    const top = (parts: Record<string, number> | undefined) =>
      parts
        ? largest(parts)
            .slice(0, 2)
            .map(([k, v]) => `${k} (${f0(v)})`)
            .join(', then ')
        : 'n/a';
    out.push(
      `- **(a)** Parsing costs about what a bare exceljs load costs (parse/bare ${nl ? (med(nl.parse) / med(nl.bare)).toFixed(2) : 'n/a'} in Node${bl ? `, ${(med(bl.parse) / med(bl.bareFast)).toFixed(2)} in Chromium incl. handing the grid back from the Worker` : ''}) and mapping is small (${f0(med(nl?.map ?? bl?.map))}). **The commit dominates**: ${f0(med(nl?.commit))} in Node, ${f0(med(bl?.commit))} in Chromium's IndexedDB, for ${(nl ?? bl)?.rows.toLocaleString('en')} new reports. Measured piece by piece, its largest parts are: Node — ${top(nl?.commitParts)}; Chromium — ${top(bl?.commitParts)}.${bl ? ` (In Chromium the pieces add up to ${f0(Object.values(bl.commitParts).reduce((a, b) => a + b, 0))} of the commit's ${f0(med(bl.commit))}.)` : ''}`,
    );
    if (missed) {
      const advice: [string, string][] = [
        [
          'checks',
          "`checkStoredRows('reports')` (validate.ts `checkReports`) runs, for every written row, its own indexed query (`reports.where('[taskId+month]')…filter…count()`) to refuse a second report of the same unit, task and month — 15,000 sequential IndexedDB requests — and builds a label string per row. Reading the month's reports once (e.g. by `[yearId+month]`) and checking the keys in a Set would make it one request.",
        ],
        [
          'audit.bulkAdd',
          'every created row also gets its own audit entry carrying the whole row; for *created* rows one audit entry per batch (the batch record already lists the rows) would remove a second copy.',
        ],
        [
          'importBatches',
          'the batch record keeps every row again in `changes`, and the writer logs the batch itself with the whole batch as `after` (a third and fourth copy); keeping only ids (or hashes) of created rows would shrink both.',
        ],
        [
          'reports.bulkAdd',
          'the `reports` rows themselves with their secondary indexes: the irreducible part; fewer indexes would help a little.',
        ],
        [
          'reports.bulkGet',
          'the id pre-check (`bulkGet` of every new id) only serves a friendlier message on a clash of freshly generated UUIDs; a clash fails the `bulkAdd` and aborts the transaction anyway.',
        ],
      ];
      const ranked = largest(bl?.commitParts ?? nl?.commitParts ?? {}).map(([k]) => k);
      const lines = ranked
        .map((k) => advice.find(([prefix]) => k.startsWith(prefix)))
        .filter((v): v is [string, string] => v !== undefined)
        .slice(0, 3);
      out.push(
        `  What would bring the whole import under ${GOALS.largeRatio.toFixed(1)}× (parse and map alone are already within it), in order of the measured cost: ${lines.map(([, text], i) => `(${i + 1}) ${text}`).join(' ')}`,
      );
    }
  }
  const ns = r.node?.small;
  const bs = r.browser?.small;
  if (ns || bs) {
    const fixedMissed = [ns?.appFixed, bs?.appFixed].some((v) => v !== undefined && v > GOALS.fixedMs);
    out.push(
      `- **(b)** Reading + mapping small files stays within ${Math.max(med(ns?.small.ratio), med(bs?.small.ratio)).toFixed(2)}× of bare parsing. In Chromium the app's Worker avoids exceljs's clamped-timer wait: a bare load in a plain Worker costs ${f1(bs?.bareClampedPerFile)} per 30-row file, the app ${f1(bs?.small.appPerFile)}.`,
    );
    if (fixedMissed) {
      out.push(
        `  The fixed cost per file is above ${GOALS.fixedMs} ms${ns ? ` in Node (${f1(ns.appFixed)})` : ''}${bs ? `${ns ? ',' : ''} in Chromium (${f1(bs.appFixed)})` : ''}, but most of it is exceljs's own fixed cost (bare: ${f1(ns?.bareFixed)} in Node${bs ? `, ${f1(bs.bareFixed)} in Chromium` : ''}); the app adds ${f1(ns ? ns.appFixed - ns.bareFixed : NaN)} in Node${bs ? ` and ${f1(bs.appFixed - bs.bareFixed)} in Chromium (Worker round trip, structured clone of the grid, mapping on the page)` : ''}. Meeting ≤ ${GOALS.fixedMs} ms outright needs a lighter reader for small .xlsx files (e.g. reading the sheet XML directly with fflate + a streaming XML parser) rather than tuning around exceljs; the sniff step (which inflates every part to check it) costs ${f1(ns?.parseSplit?.sniff)} per small file in Node.`,
      );
    }
  }
  const lg = r.ledger;
  if (lg) {
    const missed = med(lg.navigate) > GOALS.ledgerMs;
    out.push(
      `- **(c)** What dominates is reading the data, not rendering: of the ${f0(med(lg.navigate))} to the first painted row, ${f0(med(lg.navigateData))} pass before LedgerScreen has its four live queries' results, and only ${f0(med(lg.navigateRender))} after (the table is virtualised, so ~20 rows are rendered). A raw \`getAll\` of the 100,000 tasks alone takes ${f0(med(lg.readAll))} (IndexedDB reads and structured-clone deserialisation of every task on the page's thread; long tasks during a navigation sum to ${f0(med(lg.navigateLongTasks))}); the sort as listTasks does it is ${f0(med(lg.sort))}.`,
    );
    if (missed) {
      out.push(
        "  To paint within 300 ms the ledger must not wait for all 100,000 full task records: e.g. fetch the first screenful first (an index in ledger order such as `[yearId+sortKey]`, read with a limit) and the rest in the background; read a slim projection (the 7 shown columns, kept in a small `ledgerRows` table or one cached record per year) instead of whole tasks with their measures and targets; and keep the year's rows in memory across screens so coming back to the ledger does not re-read. Dexie's `useLiveQuery` also re-runs the whole read after any write to `tasks`.",
      );
    }
  }
  const sc = r.scoring;
  if (sc?.total) {
    const total = med(sc.total);
    const none = med(sc.proposeNoRules);
    out.push(
      `- **(d)** ${total <= GOALS.scoringMs ? 'Within' : 'Above'} the goal: ${f1(total)} for the 9 months (${f1(total / 9)} a month; the fastest of the ${sc.total.n} runs ${f1(sc.total.min)}). **The proposals dominate**: ${f1(med(sc.propose))} of it; scores, ranking, lists and 约谈 together take ${f1(med(sc.rest))} (the 红黑榜 ${f1(med(sc.lists))}, of which the shortfalls (\`monthShortfalls\`, the month's reports judged again) — ${f1(med(sc.listsBehind))}; the ranking ${f1(med(sc.ranking))}; the scores ${f1(med(sc.scores))}). Measured alone (interleaved, after the timed runs), \`proposeEntries\` for the 9 months takes ${f1(none)} with no rule on (indexing the facts only), ${f1(med(sc.proposeSheetRules))} with only the sheet rules (late, missing) and ${f1(med(sc.proposeTaskRules))} with only the task rules (behind…, done_early). A one-off CPU profile (\`node --cpu-prof\`, not part of this run) puts the hottest lines in the de-duplication of the tasks a unit owes (\`owe\`: \`list.some(…)\` per task, quadratic in a unit's tasks), then in indexing the reports by task (\`indexReports\`: arrays searched with \`some\`) and grouping every milestone of the year by task in every month's call; the per-task judgement (\`expectedPercent\`, \`statusOf\`, the reason strings) comes after.`,
    );
    out.push(
      `  ${total <= GOALS.scoringMs ? 'To keep a margin' : `To get under ${GOALS.scoringMs} ms`}: a Set of task ids per owing unit instead of \`list.some\`; one Map keyed \`taskId:unitId\` for the month's and last month's reports; the milestones grouped by task once per year (passed in) rather than in every month's call. Timed under tsx, whose esbuild transform keeps function names (every closure created calls a \`__name\` helper); in a one-off comparison an esbuild bundle without it, as the app's Vite build is, ran the proposals ~15–20 % faster.`,
    );
  }
  const pr = r.print;
  if (pr && pr.lists.pages > 0 && pr.ranking.pages > 0) {
    const { lists: li, ranking: ra } = pr;
    const goalMet = [li, ra].every((d) => d.perPage <= GOALS.pdfPageMs);
    const oneFace = med(pr.fonts) - med(pr.fontRegular);
    const lineUsable = Number.isFinite(pr.fixedMs) && pr.fixedMs > 0 && pr.slopeMs >= 1;
    // The app around the document (its hidden screen DOM, React, MUI's styles) vs the document alone.
    const extra = [li, ra].map((d) => med(d.pdf) - med(d.staticCopy));
    const alone = `the printed documents alone, as static pages with the same CSS and page counts, take ${f0(med(li.staticCopy))} / ${f0(med(ra.staticCopy))} against the app's ${f0(med(li.pdf))} / ${f0(med(ra.pdf))}`;
    const appShare = extra.every((v) => v < 0.15 * med(ra.pdf))
      ? `The app around the document adds little or nothing: ${alone}.`
      : `The app around the document (its hidden screen, React, MUI's styles) costs up to about ${f0(Math.max(...extra))}: ${alone}.`;
    out.push(
      `- **(e)** ${goalMet ? 'Within' : 'Above'} ${GOALS.pdfPageMs} ms per page: ${f1(ra.perPage)} for the ${ra.pages}-page ranking, ${f1(li.perPage)} for the ${li.pages}-page 红黑榜. **A fixed cost per print dominates, not the pages**: ${lineUsable ? `the line through the two documents gives ${f0(pr.fixedMs)} per print + ${f1(pr.slopeMs)} per page` : `the ${ra.pages}-page ranking takes about as long as the ${li.pages}-page 红黑榜 (${f0(med(ra.pdf))} and ${f0(med(li.pdf))}; within the noise, the pages themselves cost little)`}. Most of the fixed part is embedding the CJK fonts: an empty page prints in ${f0(med(pr.blank))}, one line of CJK text in one Noto Serif CJK face in ${f0(med(pr.fontRegular))}, and with a bold line (a second face) in ${f0(med(pr.fonts))} — Chromium writes a subset of each face of the large CJK font collection into the PDF, once per print, whatever the page count; both documents use two faces (红榜/黑榜 and the group headings are bold). ${appShare}`,
    );
    out.push(
      `  ${goalMet ? 'To keep it so' : `To reach ${GOALS.pdfPageMs} ms per page at ${ra.pages} pages (≤ ${GOALS.pdfPageMs * ra.pages} ms per print)`}: print with one face — the group headings and 红榜/黑榜 in the regular face (size, colour or a mark instead of bold) saves one face's embedding, ~${f0(oneFace)} here, which alone would bring the ${ra.pages}-page ranking to about ${f1((med(ra.pdf) - oneFace) / ra.pages)} per page. A short document cannot reach ${GOALS.pdfPageMs} ms per page: any print with CJK text costs at least one face's embedding (${f0(med(pr.fontRegular))} here). On Windows the print uses 仿宋/小标宋/宋体 where installed — other font files, so measure there too. Seen while measuring: on paper the document keeps the app's main-area padding (${px(ra.insetPx[0])} left, ${px(ra.insetPx[1])} right), so the side margins are wider than PRODUCT.md §7's 28/26 mm; and in the 红黑榜, with names and numbers kept on one line, the 主要情况 column is narrow and a black-list row with three reasons fills about a third of a page (${li.rows} listed units make ${li.pages} pages).`,
    );
  }
  const district = districtNotes(r.district, loadBaseline());
  if (district) out.push(district);
  out.push(
    `- The machine is shared: other processes (tests of other engineers) may run at the same time — load average ${r.machine.loadBefore.map((v) => v.toFixed(2)).join(' / ')} before and ${r.machine.loadAfter.map((v) => v.toFixed(2)).join(' / ')} after this run (1/5/15 min) on ${r.machine.cores} cores. Medians over several repetitions damp this, the min–max ranges show it; compare ratios rather than absolute times across runs.`,
  );
  out.push(
    "- Node has no clamped browser timers and uses fake-indexeddb (pure JavaScript), so its commit times are not Chromium's; the Chromium rows use the app's real Worker path (`io/excel/client.ts`) and IndexedDB.",
  );
  return out.join('\n');
}

export function markdown(r: AllResults): string {
  const m = r.machine;
  const errors = [
    r.node?.error && `Node benchmarks: ${r.node.error}`,
    r.browser?.error && `Chromium import benchmarks: ${r.browser.error}`,
    r.ledger?.error && `Ledger benchmark: ${r.ledger.error}`,
    r.scoring?.error && `Scoring benchmark: ${r.scoring.error}`,
    r.print?.error && `Printing benchmark: ${r.print.error}`,
    r.district?.error && `District benchmark: ${r.district.error}`,
    r.sync?.error && `Sync benchmark: ${r.sync.error}`,
  ].filter(Boolean);
  return `# Benchmarks

Speed of the Excel import and of the task ledger (issue 3, "Speed"), and of scoring, ranking and
printing (issue 5, "Speed"). These are benchmarks, not timed tests: they are not part of
\`npm test\`, and a missed goal is reported here, not failed. The data is generated on each run
(seeded, so runs are comparable): progress workbooks as the app's own 月度进展情况表 export looks
(title rows, styled header, hidden 任务编号 column, validations, hidden \`_meta\` sheet; the 12
columns of PRODUCT.md §6 plus 序号 and 计划累计进度(%)), written with the app's own writer; and
a year of the monthly cycle's facts (units, tasks, milestones, reports, sheets received, feedback)
for the scoring rules.

## How to run

\`\`\`sh
npm run bench            # about 8–10 minutes; rewrites this file
npm run bench -- --only node|browser|ledger|scoring|print|district|sync   # some parts, comma-separated (this file is rewritten with those only)
npm run bench -- --only sync   # only (g): replaces its own section below and keeps the rest of this file
\`\`\`

It builds the renderer and a small benchmark page (scripts/bench/browser) into a temporary
folder, serves them on free local ports and drives Debian's Chromium (\`/usr/bin/chromium\`, or
\`CHROMIUM_PATH\`) headless with Playwright; the Node parts run in child processes
(\`node --expose-gc --import tsx\`). Sources: \`scripts/bench/\`. With \`BENCH_PDF_DIR\` set, the
printing benchmark leaves its PDFs there.

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
(issue 5): (d) recompute all scores and rankings for 100 units × 9 months × 1,500 tasks ≤ ${GOALS.scoringMs} ms; (e) print the
红黑榜 and a 30-page ranking to PDF ≤ ${GOALS.pdfPageMs} ms per page.
(issue 17): (f) at 600 tasks × 120 units, all sheets to preview ≤ ${DISTRICT_GOALS.importRatio}× a bare exceljs load of them; all templates ≤ ${DISTRICT_GOALS.exportRatio}× a bare
exceljs load + write of them; the JS heap after the import and every screen ≤ ${DISTRICT_GOALS.heapRatio}× its size after the task list.
"Baseline": a bare exceljs load for (a) and (b), a raw IndexedDB read for (c), page.pdf of an empty page for (e), bare exceljs (and the heap after the task list) for (f).
"App's own" fixed cost = the app's fixed cost minus bare exceljs's.

## Details

${details(r)}
## What dominates, and what would make it faster

${notes(r)}
${r.sync ? `\n${syncSection(r.sync, m)}` : ''}`;
}
