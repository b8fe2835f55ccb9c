import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, Unit } from '../core/model';
import { writeTransaction } from './audit';
import {
  addLeader,
  addUnit,
  addUnits,
  createWorkYear,
  db,
  deleteLeader,
  deleteUnit,
  DomainError,
  getOperator,
  getSetting,
  listAudit,
  loadOperator,
  putSetting,
  saveOperator,
  setOperator,
  updateLeader,
  updateUnit,
  updateWorkYear,
  type NewUnit,
  type NewWorkYear,
} from './index';
import { listAuditOperators, listUnits, listWorkYears } from './queries';
import { defaultCalendarSettings } from '../core/calendarSettings';

function yearInput(year: number): NewWorkYear {
  return {
    title: `${year}年区政府重点工作`,
    ...defaultCalendarSettings(year),
  };
}

function unitInput(yearId: string, name: string, aliases: string[] = []): NewUnit {
  return { yearId, name, kind: 'department', rankingGroup: '', aliases, contactPerson: '', phone: '' };
}

/** All audit entries, oldest first. */
function auditRows(): Promise<AuditEntry[]> {
  return db.audit.orderBy('seq').toArray();
}

async function snapshot(): Promise<{ units: Unit[]; audit: AuditEntry[] }> {
  return { units: await db.units.toArray(), audit: await auditRows() };
}

let yearId: string;

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
  yearId = (await createWorkYear(yearInput(2026))).id;
});

describe('work years', () => {
  it('creates a year with id and createdAt, audited', async () => {
    const years = await listWorkYears();
    expect(years).toHaveLength(1);
    const [year] = years;
    expect(year).toMatchObject({ ...yearInput(2026), id: yearId });
    expect(Date.parse(year?.createdAt ?? '')).not.toBeNaN();
    const audit = await auditRows();
    expect(audit).toEqual([
      {
        seq: 1,
        at: expect.any(String),
        operator: '张三',
        action: 'create',
        entity: 'workYears',
        entityId: yearId,
        after: year,
        prevHash: '',
        hash: expect.any(String),
      },
    ]);
  });

  it('refuses a duplicate year and stores nothing', async () => {
    await expect(createWorkYear(yearInput(2026))).rejects.toThrow(new DomainError('2026年度已存在'));
    expect(await db.workYears.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
  });

  it('lists years newest first', async () => {
    await createWorkYear(yearInput(2025));
    await createWorkYear(yearInput(2027));
    expect((await listWorkYears()).map((y) => y.year)).toEqual([2027, 2026, 2025]);
  });

  it('updates a year with before and after; refuses a taken year or a bad window', async () => {
    await createWorkYear(yearInput(2027));
    await updateWorkYear(yearId, { title: '新标题', reportDueDay: 20 });
    const last = (await auditRows()).at(-1);
    expect(last).toMatchObject({
      action: 'update',
      entity: 'workYears',
      entityId: yearId,
      before: { title: '2026年区政府重点工作', reportDueDay: 25 },
      after: { title: '新标题', reportDueDay: 20 },
    });
    await expect(updateWorkYear(yearId, { year: 2027 })).rejects.toThrow('2027年度已存在');
    await expect(updateWorkYear(yearId, { windowStartMonth: 12, windowEndMonth: 3 })).rejects.toThrow(DomainError);
    await expect(updateWorkYear('nope', { title: 'x' })).rejects.toThrow('工作年度不存在');
    expect((await db.workYears.get(yearId))?.year).toBe(2026);
  });

  it.each([
    ['year', { year: 26 }],
    ['window month', { windowEndMonth: 13 }],
    ['plan due', { planDue: '3月10日' }],
    ['report day', { reportDueDay: 0 }],
    ['extra holiday', { extraHolidays: ['2026/10/01'] }],
  ])('refuses an invalid %s', async (_label, patch) => {
    await expect(createWorkYear({ ...yearInput(2030), ...patch })).rejects.toThrow(DomainError);
    expect(await db.workYears.count()).toBe(1);
  });
});

describe('units', () => {
  it('adds a unit: cleaned, default group, sortOrder after the last, one audit entry', async () => {
    const a = await addUnit({ ...unitInput(yearId, ' 区财政局 ', [' 财政局 ', '']), phone: ' 123 ' });
    const b = await addUnit({ ...unitInput(yearId, '城南街道'), kind: 'town' });
    expect(a).toMatchObject({
      name: '区财政局',
      aliases: ['财政局'],
      phone: '123',
      rankingGroup: '区级部门',
      sortOrder: 1,
    });
    expect(b).toMatchObject({ rankingGroup: '镇街', sortOrder: 2 });
    expect(await listUnits(yearId)).toEqual([a, b]);
    const audit = (await auditRows()).filter((e) => e.entity === 'units');
    expect(audit).toEqual([
      {
        seq: 2,
        at: expect.any(String),
        operator: '张三',
        action: 'create',
        entity: 'units',
        entityId: a.id,
        after: a,
        prevHash: expect.any(String),
        hash: expect.any(String),
      },
      {
        seq: 3,
        at: expect.any(String),
        operator: '张三',
        action: 'create',
        entity: 'units',
        entityId: b.id,
        after: b,
        prevHash: expect.any(String),
        hash: expect.any(String),
      },
    ]);
  });

  it('sortOrder is per year', async () => {
    const other = (await createWorkYear(yearInput(2027))).id;
    await addUnit(unitInput(yearId, 'A'));
    await addUnit(unitInput(yearId, 'B'));
    expect((await addUnit(unitInput(other, 'A'))).sortOrder).toBe(1);
  });

  it('refuses a unit of a missing year or with an unknown kind', async () => {
    await expect(addUnit(unitInput('nope', 'A'))).rejects.toThrow('工作年度不存在');
    await expect(addUnit({ ...unitInput(yearId, 'A'), kind: 'club' as never })).rejects.toThrow('单位类型应为');
    expect(await db.units.count()).toBe(0);
  });

  it.each([
    ['same name', unitInput('', '区发展和改革局'), '单位名称"区发展和改革局"与已有单位"区发展和改革局"重复'],
    [
      'same name, full-width and spaces',
      unitInput('', '区发展和改革局\u3000'),
      '单位名称"区发展和改革局"与已有单位"区发展和改革局"重复',
    ],
    ['name is an alias', unitInput('', '发改局'), '单位名称"发改局"已是单位"区发展和改革局"的别名'],
    ['alias is an alias', unitInput('', '区发改委', ['发改局']), '别名"发改局"已是单位"区发展和改革局"的别名'],
    ['empty name', unitInput('', ' '), '单位名称不能为空'],
  ])('refuses a clash: %s', async (_label, input, message) => {
    await addUnit(unitInput(yearId, '区发展和改革局', ['发改局']));
    const before = await snapshot();
    await expect(addUnit({ ...input, yearId })).rejects.toThrow(new DomainError(message));
    expect(await snapshot()).toEqual(before);
  });

  it('the same name in another year is no clash', async () => {
    const other = (await createWorkYear(yearInput(2027))).id;
    await addUnit(unitInput(yearId, '区财政局'));
    await expect(addUnit(unitInput(other, '区财政局'))).resolves.toMatchObject({ name: '区财政局' });
  });

  it('addUnits stores all with one audit entry each', async () => {
    await addUnit(unitInput(yearId, '区财政局'));
    const added = await addUnits(['区教育局', '区民政局', '区司法局'].map((n) => unitInput(yearId, n)));
    expect(added.map((u) => u.sortOrder)).toEqual([2, 3, 4]);
    const entries = await listAudit({ entity: 'units' });
    expect(entries).toHaveLength(4);
    expect(entries.slice(0, 3).map((e) => e.entityId)).toEqual(added.map((u) => u.id).reverse());
    expect(new Set(entries.slice(0, 3).map((e) => e.at)).size).toBe(1);
    expect(await addUnits([])).toEqual([]);
  });

  it('addUnits is all or nothing: a clash with a stored unit in the middle', async () => {
    await addUnit(unitInput(yearId, '区财政局'));
    const before = await snapshot();
    const inputs = ['区教育局', '区财政局', '区司法局'].map((n) => unitInput(yearId, n));
    await expect(addUnits(inputs)).rejects.toThrow(new DomainError('单位名称"区财政局"与已有单位"区财政局"重复'));
    expect(await snapshot()).toEqual(before);
  });

  it('addUnits is all or nothing: a clash within the list', async () => {
    const before = await snapshot();
    const inputs = [
      unitInput(yearId, '区教育局', ['教育局']),
      unitInput(yearId, '区民政局'),
      unitInput(yearId, '教育局'),
      unitInput(yearId, '区司法局'),
    ];
    await expect(addUnits(inputs)).rejects.toThrow(new DomainError('单位名称"教育局"已是单位"区教育局"的别名'));
    await expect(addUnits([unitInput(yearId, 'A'), unitInput(yearId, 'A')])).rejects.toThrow(
      '单位名称"A"与本次名单中的单位"A"重复',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('updateUnit records before and after', async () => {
    const unit = await addUnit(unitInput(yearId, '区发改局'));
    setOperator('李四');
    await updateUnit(unit.id, { name: '区发展和改革局', aliases: ['发改局'], contactPerson: '王五', phone: undefined });
    const stored = await db.units.get(unit.id);
    expect(stored).toEqual({ ...unit, name: '区发展和改革局', aliases: ['发改局'], contactPerson: '王五' });
    const [last] = await listAudit({ limit: 1 });
    expect(last).toMatchObject({
      operator: '李四',
      action: 'update',
      entity: 'units',
      entityId: unit.id,
      before: unit,
      after: stored,
    });
  });

  it('updateUnit: keeps own names, refuses clashes, logs nothing for no change', async () => {
    const a = await addUnit(unitInput(yearId, '区财政局', ['财政局']));
    await addUnit(unitInput(yearId, '区教育局'));
    const count = await db.audit.count();
    await updateUnit(a.id, { name: '区财政局', aliases: ['财政局'] });
    expect(await db.audit.count()).toBe(count);
    await expect(updateUnit(a.id, { aliases: ['区教育局'] })).rejects.toThrow('别名"区教育局"与已有单位"区教育局"重复');
    await expect(updateUnit(a.id, { yearId: 'other' })).rejects.toThrow('不能更改单位所属的工作年度');
    await expect(updateUnit('nope', { name: 'x' })).rejects.toThrow('单位不存在');
    expect(await db.units.get(a.id)).toEqual(a);
    expect(await db.audit.count()).toBe(count);
  });

  it('updateUnit: a kind change moves a default group, keeps a custom one', async () => {
    const a = await addUnit(unitInput(yearId, '区城投公司'));
    const b = await addUnit({ ...unitInput(yearId, '区交投公司'), rankingGroup: '特别组' });
    await updateUnit(a.id, { kind: 'soe' });
    await updateUnit(b.id, { kind: 'soe' });
    expect((await db.units.get(a.id))?.rankingGroup).toBe('国企和平台');
    expect((await db.units.get(b.id))?.rankingGroup).toBe('特别组');
  });

  it('deleteUnit records before; refuses a unit a task refers to', async () => {
    const a = await addUnit(unitInput(yearId, '区财政局'));
    const b = await addUnit(unitInput(yearId, '区教育局'));
    await deleteUnit(a.id);
    expect(await db.units.get(a.id)).toBeUndefined();
    const [last] = await listAudit({ limit: 1 });
    expect(last).toEqual({
      seq: expect.any(Number),
      at: expect.any(String),
      operator: '张三',
      action: 'delete',
      entity: 'units',
      entityId: a.id,
      before: a,
      prevHash: expect.any(String),
      hash: expect.any(String),
    });
    await db.tasks.add({
      id: 't1',
      yearId,
      code: '1',
      title: '任务',
      measures: [],
      targets: [],
      leaderIds: [],
      coUnitIds: [b.id],
      responsiblePerson: '',
      dueDate: '2026-11-30',
    });
    await expect(deleteUnit(b.id)).rejects.toThrow(new DomainError('单位"区教育局"已被重点工作引用，不能删除'));
    await expect(deleteUnit(a.id)).rejects.toThrow('单位不存在');
    expect(await db.units.get(b.id)).toEqual(b);
  });
});

describe('leaders', () => {
  it('adds, updates and deletes with audit and clash checks', async () => {
    const a = await addLeader({ yearId, name: '王副区长', title: '副区长', aliases: ['王区长'] });
    const b = await addLeader({ yearId, name: '李副区长', title: '副区长', aliases: [] });
    expect([a.sortOrder, b.sortOrder]).toEqual([1, 2]);
    await expect(addLeader({ yearId, name: '王区长', title: '', aliases: [] })).rejects.toThrow(
      '区领导姓名"王区长"已是区领导"王副区长"的别名',
    );
    await expect(updateLeader(b.id, { name: ' 王副区长 ' })).rejects.toThrow(
      '区领导姓名"王副区长"与已有区领导"王副区长"重复',
    );
    await updateLeader(b.id, { title: '常务副区长' });
    await db.tasks.add({
      id: 't1',
      yearId,
      code: '1',
      title: '任务',
      measures: [],
      targets: [],
      leaderIds: [a.id],
      coUnitIds: [],
      responsiblePerson: '',
      dueDate: '2026-11-30',
    });
    await expect(deleteLeader(a.id)).rejects.toThrow('区领导"王副区长"已被重点工作引用，不能删除');
    await deleteLeader(b.id);
    expect((await listAudit({ entity: 'leaders' })).map((e) => e.action)).toEqual([
      'delete',
      'update',
      'create',
      'create',
    ]);
  });
});

describe('a failing write leaves neither the change nor the audit entry', () => {
  it('the audit write fails after the change was written (add)', async () => {
    const before = await snapshot();
    const boom = (): never => {
      throw new Error('audit disk full');
    };
    db.audit.hook('creating', boom);
    try {
      await expect(addUnit(unitInput(yearId, '区财政局'))).rejects.toThrow('audit disk full');
    } finally {
      db.audit.hook('creating').unsubscribe(boom);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the audit write fails after the change was written (update)', async () => {
    const unit = await addUnit(unitInput(yearId, '区财政局'));
    const before = await snapshot();
    const boom = (): never => {
      throw new Error('audit disk full');
    };
    db.audit.hook('creating', boom);
    try {
      await expect(updateUnit(unit.id, { name: '区财政局（国资办）' })).rejects.toThrow('audit disk full');
    } finally {
      db.audit.hook('creating').unsubscribe(boom);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a duplicate primary key in the second write undoes the first write and its entry', async () => {
    const before = await snapshot();
    const row: Unit = { ...unitInput(yearId, '区财政局'), id: 'dup', sortOrder: 1 };
    const failing = writeTransaction([db.units], async (w) => {
      await w.add(db.units, row);
      await w.add(db.units, { ...row, name: '区教育局' });
    });
    await expect(failing).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('operator and settings', () => {
  it('saveOperator / loadOperator round trip', async () => {
    setOperator('');
    expect(await loadOperator()).toBeUndefined();
    await saveOperator('  李四 ');
    expect(getOperator()).toBe('李四');
    setOperator('someone else');
    expect(await loadOperator()).toBe('李四');
    expect(getOperator()).toBe('李四');
    const [last] = await listAudit({ limit: 1 });
    expect(last).toMatchObject({
      operator: '李四',
      action: 'create',
      entity: 'settings',
      entityId: 'operator',
      after: { key: 'operator', value: '李四' },
    });
    await expect(saveOperator('  ')).rejects.toThrow(new DomainError('操作人姓名不能为空'));
    expect(getOperator()).toBe('李四');
  });

  it('putSetting / getSetting, audited, the same value logs nothing', async () => {
    expect(await getSetting('lights')).toBeUndefined();
    await putSetting('lights', { yellow: 20 });
    await putSetting('lights', { yellow: 20 });
    await putSetting('lights', { yellow: 15 });
    expect(await getSetting<{ yellow: number }>('lights')).toEqual({ yellow: 15 });
    const entries = await listAudit({ entity: 'settings' });
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ['update', { key: 'lights', value: { yellow: 20 } }, { key: 'lights', value: { yellow: 15 } }],
      ['create', undefined, { key: 'lights', value: { yellow: 20 } }],
    ]);
  });
});

describe('audit listing', () => {
  beforeEach(async () => {
    // After the year (张三): 张三 adds a unit, 李四 adds a leader and a unit, 张三 a setting.
    await addUnit(unitInput(yearId, 'A'));
    setOperator('李四');
    await addLeader({ yearId, name: '王副区长', title: '', aliases: [] });
    await addUnit(unitInput(yearId, 'B'));
    setOperator('张三');
    await putSetting('x', 1);
  });

  it('lists newest first', async () => {
    const entries = await listAudit({});
    expect(entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(entries.map((e) => e.entity)).toEqual(['settings', 'units', 'leaders', 'units', 'workYears']);
  });

  it.each([
    [{ entity: 'units' }, [4, 2]],
    [{ operator: '李四' }, [4, 3]],
    [{ operator: '张三' }, [5, 2, 1]],
    [{ entity: 'units', operator: '张三' }, [2]],
    [{ entity: 'units', operator: '王五' }, []],
    [{ limit: 2 }, [5, 4]],
    [{ operator: '张三', limit: 2 }, [5, 2]],
    [{ entity: 'units', operator: '李四', limit: 1 }, [4]],
    [{ entity: '', operator: '' }, [5, 4, 3, 2, 1]],
  ])('filter %o', async (filter, seqs) => {
    expect((await listAudit(filter)).map((e) => e.seq)).toEqual(seqs);
  });

  it('lists distinct operators, without the empty one', async () => {
    setOperator('');
    await putSetting('y', 1);
    expect(await listAuditOperators()).toEqual(['张三', '李四'].sort());
  });
});

describe('live queries', () => {
  it('listUnits re-runs when a unit is added', async () => {
    const seen: string[][] = [];
    const subscription = liveQuery(() => listUnits(yearId)).subscribe((units) => seen.push(units.map((u) => u.name)));
    try {
      await vi.waitFor(() => expect(seen).toHaveLength(1));
      await addUnit(unitInput(yearId, '区财政局'));
      await vi.waitFor(() => expect(seen).toHaveLength(2));
    } finally {
      subscription.unsubscribe();
    }
    expect(seen).toEqual([[], ['区财政局']]);
    expect(await listUnits(undefined)).toEqual([]);
  });
});
