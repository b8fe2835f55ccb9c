// Scoring's writes (issue 5, PRODUCT §5): the year's copy of the rule table (评分规则) and the
// decisions on the month's 加扣分. Proposals are not stored: core computes them from the
// month's facts wherever they are shown (core/scoring.ts monthEntries); what is stored is what
// a person decided — a proposal confirmed or waived, under the proposal's id — and the manual
// entries (批示肯定, 通报批评, honours). Each call is one audited transaction with its checks
// inside; score entries freeze with their month (freeze.ts).

import { defaultScoreRules, MANUAL_RULE_ID, scoreEntryId } from '../core/scoring';
import type { ScoreEntry, ScoreRule } from '../core/model';
import type { AuditedWriter } from './audit';
import { nowIso } from './clock';
import { writeTransaction } from './audit';
import { DomainError } from './errors';
import { assertMonthOpen } from './freeze';
import { newId } from './ids';
import { requireOperator } from './operator';
import { listScoreRules } from './queries';
import { db } from './schema';
import { checkMonth, checkScoreEntries, checkScoreRules, isFilled, requireYear } from './validate';

function trimmed(s: unknown): unknown {
  return typeof s === 'string' ? s.trim() : s;
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---------------------------------------------------------------- rule table (评分规则)

/** A rule as core's defaults give it: the year's copy adds the yearId. */
export type ScoreRuleDefault = Omit<ScoreRule, 'yearId'>;

/** The fields of a rule the office can edit. `cap: undefined`, named, removes the cap. */
export type ScoreRulePatch = Partial<Pick<ScoreRule, 'name' | 'points' | 'cap' | 'leadUnitOnly' | 'enabled'>>;

function cleanRule(input: ScoreRule): ScoreRule {
  const rule: ScoreRule = {
    id: input.id,
    yearId: input.yearId,
    name: trimmed(input.name) as string,
    points: input.points,
    leadUnitOnly: input.leadUnitOnly,
    enabled: input.enabled,
  };
  if (input.cap !== undefined) rule.cap = input.cap;
  return rule;
}

/**
 * Gives year `yearId` its own copy of the rule table inside the caller's transaction, from
 * core's defaults, when it has none yet (a year reads the defaults until the office edits a
 * rule: looking at the table writes nothing).
 */
async function ownRules(w: AuditedWriter, yearId: string): Promise<void> {
  if ((await listScoreRules(yearId)).length > 0) return;
  await requireYear(yearId);
  const rows = defaultScoreRules.map((d) => cleanRule({ ...d, yearId })).sort(byId);
  await checkScoreRules(yearId, rows);
  await w.addAll(db.scoreRules, rows);
}

/**
 * Changes one rule of a year's table (name, points, cap, lead-unit-only, enabled), audited;
 * a year still on the defaults gets its own copy first, in the same transaction. A field
 * absent from `patch` is kept; `cap` named with the value undefined removes the cap. It
 * applies to what is proposed from now on: decisions keep the points they were taken with.
 */
export async function updateScoreRule(yearId: string, ruleId: string, patch: ScoreRulePatch): Promise<ScoreRule> {
  return writeTransaction([db.scoreRules, db.workYears], async (w) => {
    await ownRules(w, yearId);
    const before = await db.scoreRules.get([yearId, ruleId]);
    if (!before) throw new DomainError('评分规则不存在（可能已被删除）');
    const after: ScoreRule = { ...before };
    if (patch.name !== undefined) after.name = patch.name;
    if (patch.points !== undefined) after.points = patch.points;
    if (patch.leadUnitOnly !== undefined) after.leadUnitOnly = patch.leadUnitOnly;
    if (patch.enabled !== undefined) after.enabled = patch.enabled;
    if (patch.cap !== undefined) after.cap = patch.cap;
    else if (Object.hasOwn(patch, 'cap')) delete after.cap;
    const clean = cleanRule(after);
    await checkScoreRules(yearId, [clean]);
    return w.put(db.scoreRules, clean);
  });
}

// ---------------------------------------------------------------- decisions (加扣分)

/** A proposal to decide on, as the screens show it (core MonthEntry and ProposedEntry fit). */
export interface Proposal {
  /** core entryKey: `${ruleId}:${unitId}:${taskId ?? ''}`; the decision's id is scoreEntryId(year, month, key). */
  key: string;
  unitId: string;
  ruleId: string;
  points: number;
  reason: string;
  evidence?: ScoreEntry['evidence'];
}

function cleanEvidence(evidence: ScoreEntry['evidence']): ScoreEntry['evidence'] {
  if (typeof evidence !== 'object' || evidence === null) return evidence;
  const out: NonNullable<ScoreEntry['evidence']> = {};
  if (evidence.taskId !== undefined) out.taskId = evidence.taskId;
  if (evidence.reportId !== undefined) out.reportId = evidence.reportId;
  if (evidence.file !== undefined) out.file = evidence.file;
  if (evidence.row !== undefined) out.row = evidence.row;
  return out;
}

/**
 * Stores decisions on proposals of an open month in one audited transaction: each proposal
 * confirmed or waived (with `note`, required), decidedBy the current operator, decidedAt now,
 * with the points, reason and evidence it has as shown. A decision already stored the same
 * way is left as it is; a different one is replaced (a waived entry confirmed, say). Refused,
 * storing nothing, when the month is published, a key repeats or a proposal does not pass the
 * checks (unit, task and report of the year, a rule of the year's table, a reason).
 */
export async function decideProposals(
  yearId: string,
  month: number,
  proposals: readonly Proposal[],
  decision: { state: 'confirmed' } | { state: 'waived'; note: string },
): Promise<ScoreEntry[]> {
  const operator = requireOperator();
  const at = nowIso();
  const note = decision.state === 'waived' ? trimmed(decision.note) : undefined;
  if (decision.state === 'waived' && !isFilled(note)) throw new DomainError('请填写免扣原因');
  return writeTransaction(
    [db.scoreEntries, db.scoreRules, db.units, db.tasks, db.reports, db.workYears],
    async (w) => {
      await requireYear(yearId);
      checkMonth(month);
      await assertMonthOpen(yearId, month);
      const ids = new Set<string>();
      const rows: ScoreEntry[] = [];
      for (const p of proposals) {
        if (!isFilled(p.key)) throw new DomainError('自动加扣分缺少标识（key）');
        const id = scoreEntryId(yearId, month, p.key);
        if (ids.has(id)) throw new DomainError(`自动加扣分的标识"${p.key}"重复`);
        ids.add(id);
        const stored = await db.scoreEntries.get(id);
        if (stored?.state === decision.state && stored.decisionNote === note) continue;
        const row: ScoreEntry = {
          id,
          yearId,
          month,
          unitId: p.unitId,
          ruleId: p.ruleId,
          points: p.points,
          reason: trimmed(p.reason) as string,
          state: decision.state,
          automatic: true,
          decidedBy: operator,
          decidedAt: at,
        };
        const evidence = cleanEvidence(p.evidence);
        if (evidence !== undefined) row.evidence = evidence;
        if (typeof note === 'string') row.decisionNote = note;
        rows.push(row);
      }
      await checkScoreEntries(yearId, rows);
      await w.putAll(db.scoreEntries, rows);
      return rows;
    },
    { operator, at },
  );
}

/** Confirms proposals of an open month (decideProposals). */
export function confirmProposals(yearId: string, month: number, proposals: readonly Proposal[]): Promise<ScoreEntry[]> {
  return decideProposals(yearId, month, proposals, { state: 'confirmed' });
}

/** Waives (免扣) a proposal of an open month with its reason (decideProposals). */
export async function waiveProposal(
  yearId: string,
  month: number,
  proposal: Proposal,
  note: string,
): Promise<ScoreEntry> {
  const [row] = await decideProposals(yearId, month, [proposal], { state: 'waived', note });
  return row ?? (await getEntry(scoreEntryId(yearId, month, proposal.key)));
}

/**
 * Withdraws (撤回) the decision on a proposal, audited: the stored decision is deleted, and the
 * proposal shows as undecided again while the facts still make it. Refused for a manual entry
 * (delete it) and in a published month.
 */
export async function withdrawDecision(id: string): Promise<void> {
  return writeTransaction([db.scoreEntries], async (w) => {
    const before = await getEntry(id);
    if (!before.automatic) throw new DomainError('手工录入的加扣分无需撤回；如录入有误，请删除');
    await w.delete(db.scoreEntries, id);
  });
}

async function getEntry(id: string): Promise<ScoreEntry> {
  const entry = await db.scoreEntries.get(id);
  if (!entry) throw new DomainError('加扣分不存在（可能已被删除）');
  return entry;
}

/** A manual entry: 批示肯定 (+), 通报批评 (−), honours … with points (not 0) and a reason. */
export interface NewManualEntry {
  yearId: string;
  month: number;
  unitId: string;
  points: number;
  reason: string;
}

/**
 * Adds a manual entry (ruleId 'manual', not automatic, state confirmed, decidedBy the current
 * operator, decidedAt now), audited. The reason is required, the points a number other than
 * 0, the unit of the year. Refused in a published month.
 */
export async function addManualEntry(input: NewManualEntry): Promise<ScoreEntry> {
  const operator = requireOperator();
  const at = nowIso();
  return writeTransaction(
    [db.scoreEntries, db.scoreRules, db.units, db.tasks, db.reports, db.workYears],
    async (w) => {
      const reason = trimmed(input.reason);
      if (!isFilled(reason)) throw new DomainError('请填写加扣分原因');
      await requireYear(input.yearId);
      checkMonth(input.month);
      const row: ScoreEntry = {
        id: newId(),
        yearId: input.yearId,
        month: input.month,
        unitId: input.unitId,
        ruleId: MANUAL_RULE_ID,
        points: input.points,
        reason,
        state: 'confirmed',
        automatic: false,
        decidedBy: operator,
        decidedAt: at,
      };
      await checkScoreEntries(input.yearId, [row]);
      return w.add(db.scoreEntries, row);
    },
    { operator, at },
  );
}

/** Deletes a manual entry, audited. An automatic entry cannot be deleted (waive it). Refused in a published month. */
export async function deleteManualEntry(id: string): Promise<void> {
  return writeTransaction([db.scoreEntries], async (w) => {
    const before = await getEntry(id);
    if (before.automatic) throw new DomainError('自动生成的加扣分不能删除；如不应扣分，请免扣');
    await w.delete(db.scoreEntries, id);
  });
}
