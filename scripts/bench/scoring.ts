// Benchmark (d) in Node: recomputing every score and ranking of a year — 100 units in two
// ranking groups, 9 months, 1,500 tasks — with the app's pure core (core/scoring.ts,
// core/ranking.ts). What is timed is what the app computes (core/scoreboard.ts):
// for each month of the window proposeEntries(facts); then, with every proposal decided (all
// confirmed, except those an accepted explanation waives, which the store keeps waived), the
// monthly scores (monthScores), the ranking per group with the previous month (rankGroups),
// the 红黑榜 (redBlackLists) and the 约谈 suggestions (interviewSuggestions) of every month.
// The facts are generated (scoring-data.ts) and split per month beforehand, as the app reads
// them per month from IndexedDB. Run by run.ts as a child process:
//
//   node --expose-gc --import tsx scripts/bench/scoring.ts RESULT.json
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScoreEntry } from '../../renderer/src/core/model';
import {
  defaultListSettings,
  groupOf,
  interviewSuggestions,
  rankGroups,
  redBlackLists,
  type RankedUnit,
  type RedBlackLists,
} from '../../renderer/src/core/ranking';
import { autoRuleIds, monthScores, type ProposedEntry, type UnitMonthScore } from '../../renderer/src/core/scoring';
import {
  asDecided,
  shortfallOfMonth,
  generateScoring,
  monthFactsOf,
  proposeMonth,
  SCORING_YEAR_ID,
  type ScoringData,
} from './scoring-data';
import { summarize, type Summary } from './stats';

export const SCORING_SIZE = { units: 100, tasks: 1_500 };
const WARMUP = 3;
const REPS = 30;
const SPLIT_REPS = 15;

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

export interface ScoringResult {
  units: number;
  groups: Record<string, number>;
  tasks: number;
  months: number;
  milestones: number;
  reports: number;
  submissions: number;
  feedback: number;
  /** Over the 9 months. */
  proposals: number;
  byRule: Record<string, number>;
  confirmed: number;
  waived: number;
  red: number;
  black: number;
  suggestions: number;
  /** proposals + scores + ranking + lists + suggestions. */
  total: Summary;
  propose: Summary;
  /** monthScores + rankGroups + redBlackLists + interviewSuggestions. */
  rest: Summary;
  scores: Summary;
  ranking: Summary;
  lists: Summary;
  /** Of lists: the shortfalls that keep units off the red list (monthShortfalls over the month's facts). */
  listsBehind: Summary;
  interviews: Summary;
  /** Turning the proposals into decided entries (the store's part; not in the total). */
  decide: Summary;
  /** The slowest month's proposeEntries (median over the repetitions). */
  slowestMonth: { month: number; ms: number };
  /** proposeEntries for the 9 months with no rule on (indexing the facts only), with only the sheet rules (late, missing), with only the task rules (behind…, done_early). */
  proposeNoRules: Summary;
  proposeSheetRules: Summary;
  proposeTaskRules: Summary;
}

interface Run {
  total: number;
  propose: number;
  decide: number;
  scores: number;
  ranking: number;
  lists: number;
  behind: number;
  interviews: number;
  perMonth: Map<number, number>;
}

interface Output {
  proposals: Map<number, ProposedEntry[]>;
  entries: ScoreEntry[];
  lists: Map<number, RedBlackLists>;
  suggestions: Map<number, string[]>;
  ranked: Map<number, RankedUnit[]>;
}

/** The whole recomputation, as the app's scoreboard (core/scoreboard.ts) does it for each month. */
function recompute(d: ScoringData): { run: Run; out: Output } {
  const perMonth = new Map<number, number>();
  // One facts object per month, as the scoreboard keeps them: the proposals and the shortfalls share its index.
  const facts = new Map(d.months.map((m) => [m, monthFactsOf(d, m)]));
  const t0 = performance.now();
  const proposals = new Map<number, ProposedEntry[]>();
  for (const m of d.months) {
    const s = performance.now();
    proposals.set(m, proposeMonth(d, m, d.rules, facts.get(m)));
    perMonth.set(m, performance.now() - s);
  }
  const t1 = performance.now();
  const entries: ScoreEntry[] = [];
  for (const m of d.months) for (const e of asDecided(SCORING_YEAR_ID, m, proposals.get(m)!)) entries.push(e);
  const t2 = performance.now();
  // Every month's scores from its confirmed entries.
  const byMonth = new Map<number, UnitMonthScore[]>(
    d.months.map((m) => [
      m,
      monthScores(
        d.units,
        entries.filter((e) => e.month === m),
        d.rules,
      ),
    ]),
  );
  const t3 = performance.now();
  const ranked = new Map<number, RankedUnit[]>();
  for (const m of d.months)
    ranked.set(m, [...rankGroups(byMonth.get(m) ?? [], d.units, byMonth.get(m - 1)).values()].flat());
  const t4 = performance.now();
  // The shortfalls of each month, as the scoreboard computes them; their time is summed.
  let behindMs = 0;
  const lists = new Map<number, RedBlackLists>();
  for (const m of d.months) {
    const s = performance.now();
    const shortfallOf = shortfallOfMonth(d, m, facts.get(m));
    behindMs += performance.now() - s;
    lists.set(
      m,
      redBlackLists(
        ranked.get(m)!,
        entries.filter((e) => e.month === m),
        shortfallOf,
        defaultListSettings,
      ),
    );
  }
  const t5 = performance.now();
  const black = new Map<number, string[]>([...lists].map(([m, l]) => [m, l.black.map((b) => b.unitId)]));
  const suggestions = new Map<number, string[]>();
  for (const m of d.months) suggestions.set(m, interviewSuggestions(black, m));
  const t6 = performance.now();
  return {
    run: {
      total: t1 - t0 + (t6 - t2),
      propose: t1 - t0,
      decide: t2 - t1,
      scores: t3 - t2,
      ranking: t4 - t3,
      lists: t5 - t4,
      behind: behindMs,
      interviews: t6 - t5,
      perMonth,
    },
    out: { proposals, entries, lists, suggestions, ranked },
  };
}

/** The data must exercise every rule and list, else the timing would flatter the code. */
function check(d: ScoringData, out: Output): void {
  const rules = new Set([...out.proposals.values()].flat().map((p) => p.ruleId));
  const absent = autoRuleIds.filter((id) => !rules.has(id));
  if (absent.length) throw new Error(`the generated data proposes no ${absent.join(', ')} entries`);
  if (!out.entries.some((e) => e.state === 'waived'))
    throw new Error('no proposal was waived by an accepted explanation');
  for (const m of d.months) {
    const ranked = out.ranked.get(m)!;
    if (ranked.length !== d.units.length)
      throw new Error(`month ${m}: ${ranked.length} of ${d.units.length} units ranked`);
    const l = out.lists.get(m)!;
    if (l.red.length === 0 || l.black.length === 0)
      throw new Error(`month ${m}: ${l.red.length} red, ${l.black.length} black`);
  }
  if ([...out.suggestions.values()].every((s) => s.length === 0)) throw new Error('no 约谈 suggestion in any month');
}

/**
 * proposeEntries for the 9 months with no rule on, with only the sheet rules, with only the task
 * rules; the three interleaved (in rotating order) in every repetition, so that load from
 * other processes falls on all three alike.
 */
function timeSplit(d: ScoringData): [Summary, Summary, Summary] {
  const variants = [[], ['late', 'missing'], ['behind', 'behind_unexplained', 'behind_twice', 'done_early']].map(
    (ids) => d.rules.filter((r) => ids.includes(r.id)),
  );
  const times: number[][] = variants.map(() => []);
  for (let rep = 0; rep <= SPLIT_REPS; rep++) {
    for (let k = 0; k < variants.length; k++) {
      const v = (rep + k) % variants.length;
      const t = performance.now();
      for (const m of d.months) proposeMonth(d, m, variants[v]);
      if (rep > 0) times[v]!.push(performance.now() - t);
    }
  }
  return [summarize(times[0]!), summarize(times[1]!), summarize(times[2]!)];
}

export function benchScoring(): ScoringResult {
  const d = generateScoring(SCORING_SIZE);
  const { out } = recompute(d);
  check(d, out);
  for (let i = 1; i < WARMUP; i++) recompute(d);
  // GC is forced once, not before every repetition: a forced full GC shrinks V8's young
  // generation, and the next run then pays for growing it again (~15 ms here) — a state the
  // app, recomputing on a warm heap, is not in. The outputs of the timed runs are dropped.
  gc();
  const runs: Run[] = [];
  for (let rep = 0; rep < REPS; rep++) runs.push(recompute(d).run);
  const split = timeSplit(d);
  const s = (pick: (r: Run) => number) => summarize(runs.map(pick));
  const monthMedians = d.months.map((m) => ({ month: m, ms: summarize(runs.map((r) => r.perMonth.get(m)!)).median }));
  const slowestMonth = monthMedians.reduce((a, b) => (b.ms > a.ms ? b : a));
  const all = [...out.proposals.values()].flat();
  const byRule: Record<string, number> = {};
  for (const id of autoRuleIds) byRule[id] = all.filter((p) => p.ruleId === id).length;
  const groups: Record<string, number> = {};
  for (const u of d.units) groups[groupOf(u)] = (groups[groupOf(u)] ?? 0) + 1;
  const facts = [...d.byMonth.values()];
  return {
    units: d.units.length,
    groups,
    tasks: d.tasks.length,
    months: d.months.length,
    milestones: d.milestones.length,
    reports: facts.reduce((n, f) => n + f.reports.length, 0),
    submissions: facts.reduce((n, f) => n + f.submissions.length, 0),
    feedback: facts.reduce((n, f) => n + f.feedback.length, 0),
    proposals: all.length,
    byRule,
    confirmed: out.entries.filter((e) => e.state === 'confirmed').length,
    waived: out.entries.filter((e) => e.state === 'waived').length,
    red: [...out.lists.values()].reduce((n, l) => n + l.red.length, 0),
    black: [...out.lists.values()].reduce((n, l) => n + l.black.length, 0),
    suggestions: [...out.suggestions.values()].reduce((n, l) => n + l.length, 0),
    total: s((r) => r.total),
    propose: s((r) => r.propose),
    rest: s((r) => r.scores + r.ranking + r.lists + r.interviews),
    scores: s((r) => r.scores),
    ranking: s((r) => r.ranking),
    lists: s((r) => r.lists),
    listsBehind: s((r) => r.behind),
    interviews: s((r) => r.interviews),
    decide: s((r) => r.decide),
    slowestMonth,
    proposeNoRules: split[0],
    proposeSheetRules: split[1],
    proposeTaskRules: split[2],
  };
}

async function main(): Promise<void> {
  const [out] = process.argv.slice(2);
  if (!out) throw new Error('usage: scoring.ts RESULT.json');
  process.stderr.write('  (d) recomputing scores and rankings in Node…\n');
  await writeFile(path.resolve(out), JSON.stringify(benchScoring(), null, 2));
}

await main();
