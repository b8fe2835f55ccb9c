// Scoring's writes (issue 5, PRODUCT §5): the year's copy of the rule table (评分规则) and the
// score entries (加扣分) of a month. Automatic entries are proposed from the month's facts by
// core (syncProposedEntries) and then confirmed or waived by a reviewer; manual ones (批示肯定,
// 通报批评, honours) are entered confirmed. Each call is one audited transaction with its
// checks inside; score entries freeze with their month (freeze.ts), so once a month is
// published its entries cannot change.

import type { ScoreEntry, ScoreRule } from '../core/model';
import { writeTransaction } from './audit';
import { DomainError } from './errors';
import { assertMonthOpen } from './freeze';
import { newId } from './ids';
import { getOperator, requireOperator } from './operator';
import { listScoreRules } from './queries';
import { db } from './schema';
import { checkMonth, checkScoreEntries, checkScoreRules, isFilled, MANUAL_RULE_ID, requireYear } from './validate';

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
 * Gives year `yearId` its own copy of the rule table: when the year has no rule yet, stores
 * `defaults` (core's defaults, passed in by the caller) in one audited transaction; when it
 * has any, stores nothing (a later change of the defaults does not reach a year that has its
 * copy). Returns the year's rules ordered by code, as listScoreRules.
 */
export async function ensureScoreRules(yearId: string, defaults: readonly ScoreRuleDefault[]): Promise<ScoreRule[]> {
  const existing = await listScoreRules(yearId);
  if (existing.length > 0) return existing;
  return writeTransaction([db.scoreRules, db.workYears], async (w) => {
    await requireYear(yearId);
    const stored = await listScoreRules(yearId);
    if (stored.length > 0) return stored;
    if (defaults.length === 0) throw new DomainError('默认评分规则为空，无法建立本年度的评分规则');
    const rows = defaults.map((d) => cleanRule({ ...d, yearId })).sort(byId);
    await checkScoreRules(yearId, rows);
    return w.addAll(db.scoreRules, rows);
  });
}

/**
 * Changes one rule of a year's table (name, points, cap, lead-unit-only, enabled), audited.
 * A field absent from `patch` is kept; `cap` named with the value undefined removes the cap.
 * It applies to what is scored from now on: entries already stored keep their points (a
 * published month is frozen; in an open month the next syncProposedEntries brings the
 * proposed entries to the proposals computed with the new rule, decided ones stay).
 */
export async function updateScoreRule(yearId: string, ruleId: string, patch: ScoreRulePatch): Promise<ScoreRule> {
  return writeTransaction([db.scoreRules], async (w) => {
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

// ---------------------------------------------------------------- score entries (加扣分)

/**
 * Appended to the reason of a confirmed or waived automatic entry whose proposal is no longer
 * made (the facts changed after the decision): the entry and its decision are kept, flagged
 * for the reviewer. syncProposedEntries removes the mark when the proposal comes back.
 */
export const BASIS_CHANGED_MARK = '（依据已变化）';

/** Whether an entry carries BASIS_CHANGED_MARK: decided, but its proposal is no longer made. */
export function isBasisChanged(entry: Pick<ScoreEntry, 'reason'>): boolean {
  return entry.reason.endsWith(BASIS_CHANGED_MARK);
}

function withoutMark(reason: string): string {
  return reason.endsWith(BASIS_CHANGED_MARK) ? reason.slice(0, -BASIS_CHANGED_MARK.length) : reason;
}

/** The id of the automatic entry proposed under `key` for a year's month. */
export function scoreEntryId(yearId: string, month: number, key: string): string {
  return `${yearId}:${month}:${key}`;
}

/** One automatic entry proposed by core from the month's facts. */
export interface ScoreProposal {
  /**
   * Stable across runs for the same fact (e.g. `late_report:${unitId}`,
   * `behind:${taskId}:${unitId}`): the entry's id is `${yearId}:${month}:${key}`.
   */
  key: string;
  unitId: string;
  /** A rule of the year's table (ensureScoreRules first). */
  ruleId: string;
  points: number;
  reason: string;
  evidence?: ScoreEntry['evidence'];
  /**
   * Set when the fact is already excused (an explanation accepted in review, core's
   * waivedByExplanation): the entry, if new or still proposed, is stored waived with this note
   * (decidedBy the current operator, when one is set). A decided entry is left as it is.
   */
  waiveNote?: string;
}

export interface SyncResult {
  /** New proposed entries. */
  created: number;
  /** Stored entries rewritten: proposed ones whose proposal changed, decided ones marked or unmarked. */
  updated: number;
  /** Proposed entries deleted because their proposal is no longer made. */
  removed: number;
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
 * Brings the automatic entries of an open month in line with `proposals` (core's proposals
 * from the month's facts), in one audited transaction:
 * - a proposal without a stored entry is stored as a new proposed entry (id
 *   `${yearId}:${month}:${key}`), or waived when it carries a waiveNote;
 * - a proposed entry takes the proposal's unit, rule, points, reason and evidence (written only
 *   when they differ), and is waived when the proposal carries a waiveNote;
 * - a confirmed or waived entry is left as decided (state, points, reason, evidence, who and
 *   when), except that a BASIS_CHANGED_MARK it carries is removed;
 * - a stored proposed entry whose proposal is no longer made is deleted;
 * - a stored confirmed or waived entry whose proposal is no longer made is kept, decision and
 *   points untouched, and its reason gets BASIS_CHANGED_MARK (once) for the reviewer to see;
 *   reopenEntry puts it back to proposed, and then the next sync deletes it.
 * Manual entries are never touched. Refused, storing nothing, when the month is published,
 * when two proposals share a key, or when a proposal does not pass the checks of
 * checkScoreEntries (unit and evidence of the year, a rule of the year's table, a reason).
 */
export async function syncProposedEntries(
  yearId: string,
  month: number,
  proposals: readonly ScoreProposal[],
): Promise<SyncResult> {
  const operator = getOperator();
  const at = new Date().toISOString();
  return writeTransaction(
    [db.scoreEntries, db.scoreRules, db.units, db.tasks, db.reports, db.workYears],
    async (w) => {
      await requireYear(yearId);
      checkMonth(month);
      await assertMonthOpen(yearId, month);
      const stored = new Map(
        (await db.scoreEntries.where('[yearId+month]').equals([yearId, month]).toArray())
          .filter((e) => e.automatic)
          .map((e) => [e.id, e]),
      );
      const keys = new Set<string>();
      const rows: ScoreEntry[] = [];
      for (const p of proposals) {
        if (!isFilled(p.key)) throw new DomainError('自动加扣分缺少标识（key）');
        if (keys.has(p.key)) throw new DomainError(`自动加扣分的标识"${p.key}"重复`);
        keys.add(p.key);
        const id = scoreEntryId(yearId, month, p.key);
        const before = stored.get(id);
        stored.delete(id);
        if (before !== undefined && before.state !== 'proposed') {
          if (isBasisChanged(before)) rows.push({ ...before, reason: withoutMark(before.reason) });
          continue;
        }
        const row: ScoreEntry = {
          id,
          yearId,
          month,
          unitId: p.unitId,
          ruleId: p.ruleId,
          points: p.points,
          reason: trimmed(p.reason) as string,
          state: 'proposed',
          automatic: true,
        };
        const evidence = cleanEvidence(p.evidence);
        if (evidence !== undefined) row.evidence = evidence;
        if (p.waiveNote !== undefined) {
          const note = trimmed(p.waiveNote);
          if (!isFilled(note)) throw new DomainError('请填写免扣原因');
          row.state = 'waived';
          if (operator !== '') row.decidedBy = operator;
          row.decidedAt = at;
          row.decisionNote = note;
        }
        rows.push(row);
      }
      const removed: string[] = [];
      for (const e of stored.values()) {
        if (e.state === 'proposed') removed.push(e.id);
        else if (!isBasisChanged(e)) rows.push({ ...e, reason: `${e.reason}${BASIS_CHANGED_MARK}` });
      }
      await checkScoreEntries(yearId, rows);
      const written = await w.putAll(db.scoreEntries, rows);
      await w.deleteAll(db.scoreEntries, removed);
      const created = written.filter((c) => c.before === undefined).length;
      return { created, updated: written.length - created, removed: removed.length };
    },
    { at },
  );
}

async function getEntry(id: string): Promise<ScoreEntry> {
  const entry = await db.scoreEntries.get(id);
  if (!entry) throw new DomainError('加扣分不存在（可能已被删除）');
  return entry;
}

/**
 * Confirms entries (proposed or waived) in one audited transaction: state confirmed, decidedBy
 * the current operator, decidedAt now, no note. An entry confirmed already is left as it is.
 * Refused, storing nothing, when one is missing or of a published month. Returns the entries
 * in the order of `ids` (repeats dropped).
 */
export async function confirmEntries(ids: readonly string[]): Promise<ScoreEntry[]> {
  const operator = requireOperator();
  const at = new Date().toISOString();
  return writeTransaction(
    [db.scoreEntries],
    async (w) => {
      const out: ScoreEntry[] = [];
      const changed: ScoreEntry[] = [];
      for (const id of new Set(ids)) {
        const before = await getEntry(id);
        if (before.state === 'confirmed') {
          out.push(before);
          continue;
        }
        const after: ScoreEntry = { ...before, state: 'confirmed', decidedBy: operator, decidedAt: at };
        delete after.decisionNote;
        out.push(after);
        changed.push(after);
      }
      await w.putAll(db.scoreEntries, changed);
      return out;
    },
    { operator, at },
  );
}

/**
 * Waives an automatic entry (免扣) with the reason `note` (required), audited: state waived,
 * decidedBy the current operator, decidedAt now. Waiving again with the same note changes
 * nothing. A manual entry cannot be waived (delete it instead). Refused in a published month.
 */
export async function waiveEntry(id: string, note: string): Promise<ScoreEntry> {
  const operator = requireOperator();
  const at = new Date().toISOString();
  return writeTransaction(
    [db.scoreEntries],
    async (w) => {
      const why = trimmed(note);
      if (!isFilled(why)) throw new DomainError('请填写免扣原因');
      const before = await getEntry(id);
      if (!before.automatic) throw new DomainError('手工录入的加扣分不能免扣；如录入有误，请删除');
      if (before.state === 'waived' && before.decisionNote === why) return before;
      return w.put(db.scoreEntries, {
        ...before,
        state: 'waived',
        decidedBy: operator,
        decidedAt: at,
        decisionNote: why,
      });
    },
    { operator, at },
  );
}

/**
 * Puts a confirmed or waived automatic entry back to proposed (decidedBy, decidedAt and the
 * note removed), audited; a proposed one is left as it is. Refused for a manual entry and in
 * a published month.
 */
export async function reopenEntry(id: string): Promise<ScoreEntry> {
  return writeTransaction([db.scoreEntries], async (w) => {
    const before = await getEntry(id);
    if (!before.automatic) throw new DomainError('手工录入的加扣分无需恢复为待确认；如录入有误，请删除');
    if (before.state === 'proposed') return before;
    const after: ScoreEntry = { ...before, state: 'proposed' };
    delete after.decidedBy;
    delete after.decidedAt;
    delete after.decisionNote;
    return w.put(db.scoreEntries, after);
  });
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
  const at = new Date().toISOString();
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
