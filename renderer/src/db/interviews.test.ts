import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../core/model';
import {
  addInterview,
  addUnit,
  createWorkYear,
  db,
  deleteInterview,
  deleteUnit,
  DomainError,
  listInterviews,
  publishMonth,
  setOperator,
  updateInterview,
  type NewInterview,
  type NewWorkYear,
} from './index';
import { TABLE_NAMES } from './schema';
import { defaultCalendarSettings } from '../core/calendarSettings';

function yearInput(year: number): NewWorkYear {
  return {
    title: '',
    ...defaultCalendarSettings(year),
  };
}

async function allTables(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

async function lastSeq(): Promise<number> {
  return (await db.audit.orderBy('seq').last())?.seq ?? 0;
}

let yearId: string;
let otherYearId: string;
let unitA: string;
let otherUnit: string;

function input(more: Partial<NewInterview> = {}): NewInterview {
  return {
    yearId,
    month: 6,
    unitId: unitA,
    date: '2026-07-08',
    attendees: ' 区政府督查室主任、区发改局局长 ',
    reason: ' 连续两个月列入黑榜 ',
    outcome: '已当面约谈',
    followUp: '',
    suggested: true,
    ...more,
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
  yearId = (await createWorkYear(yearInput(2026))).id;
  otherYearId = (await createWorkYear(yearInput(2025))).id;
  unitA = (
    await addUnit({
      yearId,
      name: '区发改局',
      kind: 'department',
      rankingGroup: '',
      aliases: [],
      contactPerson: '',
      phone: '',
    })
  ).id;
  otherUnit = (
    await addUnit({
      yearId: otherYearId,
      name: '区发改局',
      kind: 'department',
      rankingGroup: '',
      aliases: [],
      contactPerson: '',
      phone: '',
    })
  ).id;
});

describe('interviews (约谈)', () => {
  it('addInterview records an interview with trimmed texts, audited', async () => {
    const seq = await lastSeq();
    const added = await addInterview(input());
    expect(added).toEqual({
      id: expect.any(String),
      yearId,
      month: 6,
      unitId: unitA,
      date: '2026-07-08',
      attendees: '区政府督查室主任、区发改局局长',
      reason: '连续两个月列入黑榜',
      outcome: '已当面约谈',
      followUp: '',
      suggested: true,
    });
    expect(await listInterviews(yearId)).toEqual([added]);
    const entries: AuditEntry[] = await db.audit.where('seq').above(seq).toArray();
    expect(entries.map((e) => [e.action, e.entity, e.entityId, e.operator])).toEqual([
      ['create', 'interviews', added.id, '张三'],
    ]);
    expect(await listInterviews(otherYearId)).toEqual([]);
    expect(await listInterviews(undefined)).toEqual([]);
  });

  it("lists a year's interviews by date held", async () => {
    const late = await addInterview(input({ date: '2026-08-01', month: 7 }));
    const early = await addInterview(input({ date: '2026-06-03', month: 5, suggested: false }));
    expect((await listInterviews(yearId)).map((i) => i.id)).toEqual([early.id, late.id]);
  });

  it.each<[string, Partial<NewInterview>, string]>([
    ['no reason', { reason: '' }, '请填写约谈事由'],
    ['a blank reason', { reason: '  ' }, '请填写约谈事由'],
    ['no date', { date: '' }, '请填写约谈日期'],
    ['an invalid date', { date: '2026-02-30' }, '约谈日期应为有效日期（YYYY-MM-DD），现为"2026-02-30"'],
    ['a month 13', { month: 13 }, '约谈（区发改局，13月）的月份应为1至12'],
    ['a unit of another year', { unitId: 'nope' }, '约谈（6月）的单位不存在（可能已被删除）'],
    ['a missing year', { yearId: 'nope' }, '工作年度不存在（可能已被删除）'],
  ])('addInterview refuses %s and stores nothing', async (_label, more, message) => {
    const before = await allTables();
    await expect(addInterview(input(more))).rejects.toThrow(new DomainError(message));
    expect(await allTables()).toEqual(before);
  });

  it('addInterview refuses a unit of another year by id', async () => {
    await expect(addInterview(input({ unitId: otherUnit }))).rejects.toThrow(
      new DomainError('约谈（6月）的单位不存在（可能已被删除）'),
    );
  });

  it('updateInterview changes the given fields with the same checks, audited', async () => {
    const added = await addInterview(input());
    const seq = await lastSeq();
    const updated = await updateInterview(added.id, {
      outcome: ' 已约谈，单位作出书面检查 ',
      followUp: '8月复查',
      date: undefined,
    });
    expect(updated).toEqual({ ...added, outcome: '已约谈，单位作出书面检查', followUp: '8月复查' });
    expect((await listInterviews(yearId))[0]).toEqual(updated);
    const last = await db.audit.orderBy('seq').last();
    expect(last).toMatchObject({
      seq: seq + 1,
      action: 'update',
      entity: 'interviews',
      entityId: added.id,
      before: added,
      after: updated,
    });

    const before = await allTables();
    await expect(updateInterview(added.id, { reason: '' })).rejects.toThrow(new DomainError('请填写约谈事由'));
    await expect(updateInterview(added.id, { date: '7月8日' })).rejects.toThrow(
      new DomainError('约谈日期应为有效日期（YYYY-MM-DD），现为"7月8日"'),
    );
    await expect(updateInterview(added.id, { yearId: otherYearId } as Partial<NewInterview>)).rejects.toThrow(
      new DomainError('不能更改约谈记录所属的工作年度'),
    );
    await expect(updateInterview('nope', { outcome: 'x' })).rejects.toThrow(
      new DomainError('约谈记录不存在（可能已被删除）'),
    );
    expect(await allTables()).toEqual(before);
  });

  it('deleteInterview deletes, audited', async () => {
    const added = await addInterview(input());
    await deleteInterview(added.id);
    expect(await listInterviews(yearId)).toEqual([]);
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      action: 'delete',
      entity: 'interviews',
      entityId: added.id,
      before: added,
    });
    await expect(deleteInterview(added.id)).rejects.toThrow(new DomainError('约谈记录不存在（可能已被删除）'));
  });

  it('does not freeze with a published month: an interview about May is recorded after May is published', async () => {
    await publishMonth(yearId, 5, {});
    const added = await addInterview(input({ month: 5 }));
    await updateInterview(added.id, { followUp: '已整改' });
    await deleteInterview(added.id);
  });

  it('keeps its unit from being deleted', async () => {
    await addInterview(input());
    await expect(deleteUnit(unitA)).rejects.toThrow(new DomainError('单位"区发改局"已被约谈引用，不能删除'));
  });
});
