// The office database of the sync benchmark (issue 16): ten work years of a large office as the
// app's PCs leave it on the server — each year with its 120 units, 1,000 tasks, their 月方案
// milestones, the rule table, and for every month of the work window the progress reports, the
// sheets received, the feedback and the decided score entries (scoring-data.ts, as the scoring
// benchmark generates them, one calendar year each), every month published (its records sealed
// by the publication, as record.ts seals them), and the audit chain of the PC that wrote it all
// (one entry per record, as the app logs imported rows; one chain across the years). Documents
// are built exactly as the app's pusher sends them (db/sync: ids, revisions, seals, audit
// documents), so the receiving PC judges and applies them as it would real ones.
import type { AuditEntry, MonthState } from '../../renderer/src/core/model';
import { hashAuditEntry } from '../../renderer/src/db/auditChain';
import { auditDocId, docIdOf } from '../../renderer/src/db/sync/ids';
import { auditRev, nextRev, revGen, revHash } from '../../renderer/src/db/sync/revs';
import type { SyncBody } from '../../renderer/src/db/sync/types';
import { BENCH_YEAR } from './constants';
import { asDecided, generateScoring, proposeMonth } from './scoring-data';

/** The office of issue 16's benchmark: ten years of 1,000 tasks and 120 units, the last one BENCH_YEAR. */
export const OFFICE_SIZE = { years: 10, units: 120, tasks: 1_000 };
const DEVICE = { deviceId: 'bench-pc-a', label: '基准测试：写入方', chainStart: 1 };
const BY = '基准测试';

export interface ServerDoc {
  _id: string;
  _rev: string;
  _revisions: { start: number; ids: string[] };
  [field: string]: unknown;
}

export interface OfficeYear {
  calendarYear: number;
  docs: ServerDoc[];
  /** Rows per table, as the receiving PC must end up holding them. */
  rows: Record<string, number>;
  /** Audit entries of the writing PC (they arrive as another PC's chain). */
  audit: number;
}

type Row = Record<string, unknown>;

/**
 * The office's years as server documents, one year at a time (ten years do not fit in memory
 * twice: the server keeps its own copy), each in the order the writing PC sent them.
 */
export function* officeYears(count = OFFICE_SIZE.years): Generator<OfficeYear> {
  const chain = { length: 0, lastHash: '' };
  for (let i = 0; i < count; i++) yield officeYear(BENCH_YEAR - count + 1 + i, chain);
}

function officeYear(calendarYear: number, chain: { length: number; lastHash: string }): OfficeYear {
  const data = generateScoring({
    units: OFFICE_SIZE.units,
    tasks: OFFICE_SIZE.tasks,
    seed: calendarYear,
    year: calendarYear,
  });
  const yearId = data.year.id;
  const docs: ServerDoc[] = [];
  const byId = new Map<string, ServerDoc>();
  const rows: Record<string, number> = {};
  const entries: AuditEntry[] = [];
  let at = Date.parse(`${calendarYear}-01-05T08:00:00.000Z`);
  const nextAt = () => new Date((at += 1_000)).toISOString();

  const log = (table: string, key: string, row: Row, when: string) => {
    const entry: AuditEntry = {
      at: when,
      operator: BY,
      action: 'create',
      entity: table,
      entityId: key,
      after: row,
      prevHash: chain.lastHash,
    };
    entry.hash = hashAuditEntry(entry);
    chain.lastHash = entry.hash;
    entries.push(entry);
  };

  /** The first revision of a row, written and logged by the writing PC; returns it for a seal. */
  const put = (table: string, key: string | string[], row: Row): { docId: string; rev: string; body: SyncBody } => {
    const when = nextAt();
    const body: SyncBody = { type: table, key, row, deviceId: DEVICE.deviceId, by: BY, at: when };
    const rev = nextRev(undefined, body, false);
    const docId = docIdOf(table, key);
    const doc: ServerDoc = { _id: docId, _rev: rev, _revisions: { start: 1, ids: [revHash(rev)] }, ...body };
    docs.push(doc);
    byId.set(docId, doc);
    rows[table] = (rows[table] ?? 0) + 1;
    log(table, Array.isArray(key) ? key.join('/') : key, row, when);
    return { docId, rev, body };
  };

  put('workYears', yearId, data.year as unknown as Row);
  for (const unit of data.units) put('units', unit.id, unit as unknown as Row);
  for (const task of data.tasks) put('tasks', task.id, task as unknown as Row);
  for (const rule of data.rules) put('scoreRules', [rule.yearId, rule.id], rule as unknown as Row);
  // Milestones belong to a month: sealed with it below.
  const monthly = new Map<number, ReturnType<typeof put>[]>();
  const inMonth = (month: number) => {
    let list = monthly.get(month);
    if (!list) monthly.set(month, (list = []));
    return list;
  };
  for (const m of data.milestones) inMonth(m.month).push(put('milestones', m.id, m as unknown as Row));
  for (const month of data.months) {
    const facts = data.byMonth.get(month)!;
    for (const r of facts.reports) inMonth(month).push(put('reports', r.id, r as unknown as Row));
    for (const s of facts.submissions) inMonth(month).push(put('submissions', s.id, s as unknown as Row));
    for (const f of facts.feedback) inMonth(month).push(put('feedback', f.id, f as unknown as Row));
    for (const e of asDecided(yearId, month, proposeMonth(data, month), data.today))
      inMonth(month).push(put('scoreEntries', e.id, e as unknown as Row));
  }
  // Every month published: its state, then a seal revision of each of its records (record.ts).
  for (const month of [...monthly.keys()].sort((a, b) => a - b)) {
    const publishedAt = nextAt();
    const state: MonthState = {
      id: `${yearId}:${month}`,
      yearId,
      month,
      state: 'published',
      publishedAt,
      publishedBy: BY,
    };
    put('monthStates', state.id, state as unknown as Row);
    const seal = `${state.id}@${publishedAt}`;
    for (const sealed of monthly.get(month)!) {
      const body: SyncBody = { ...sealed.body, at: publishedAt, seal };
      const rev = nextRev(sealed.rev, body, false);
      const doc = byId.get(sealed.docId)!;
      Object.assign(doc, body, {
        _rev: rev,
        _revisions: { start: revGen(rev), ids: [revHash(rev), revHash(sealed.rev)] },
      });
    }
  }
  for (const entry of entries) {
    const seq = ++chain.length;
    const rev = auditRev(entry.hash!);
    docs.push({
      _id: auditDocId(DEVICE.deviceId, seq),
      _rev: rev,
      _revisions: { start: 1, ids: [revHash(rev)] },
      type: 'audit',
      deviceId: DEVICE.deviceId,
      deviceLabel: DEVICE.label,
      chainStart: DEVICE.chainStart,
      dseq: seq,
      entry,
    });
  }
  return { calendarYear, docs, rows, audit: entries.length };
}
