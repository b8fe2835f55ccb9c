import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { isOpenInMonth, dueDate } from '../core/calendar';
import type { AuditEntry, WorkYear } from '../core/model';
import { explanationWaiverNote, monthEntries, proposeEntries } from '../core/scoring';
import {
  generateSample,
  sampleCounts,
  SAMPLE_OPEN_MONTH,
  SAMPLE_PUBLISHED_MONTHS,
  type SampleData,
} from '../core/sample';
import {
  addInterview,
  addManualEntry,
  addTask,
  addUnits,
  addLeader,
  commitImport,
  confirmProposals,
  createWorkYear,
  db,
  DomainError,
  listFeedback,
  listMilestones,
  listReports,
  listSampleYears,
  emptiedBySampleRemoval,
  listScoreEntries,
  listScoreRules,
  listSubmissions,
  listTasks,
  listUnits,
  loadSample,
  publishMonth,
  removeSample,
  saveFeedback,
  setOperator,
  setTaskPlan,
  updateScoreRule,
  updateTask,
  verifyAuditChain,
} from './index';
import { TABLE_NAMES } from './schema';
import { defaultCalendarSettings } from '../core/calendarSettings';

/** Every table's rows, the audit log apart (it grows with every change). */
async function allData(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) if (name !== 'audit') out[name] = await db.table(name).toArray();
  return out;
}

async function auditEntries(): Promise<AuditEntry[]> {
  return db.audit.orderBy('seq').toArray();
}

/** Every row anywhere that belongs to year `yearId` (or is it). */
async function rowsOfYear(yearId: string): Promise<unknown[]> {
  const data = await allData();
  return Object.values(data).flatMap((rows) =>
    rows.filter(
      (r) => (r as { yearId?: string; id?: string }).yearId === yearId || (r as { id?: string }).id === yearId,
    ),
  );
}

/** A real 2026 year with some of everything, written through the app's own functions. */
async function realYear(): Promise<WorkYear> {
  const year = await createWorkYear({
    title: '2026年度重点工作',
    ...defaultCalendarSettings(2026),
  });
  const [a, b] = await addUnits([
    {
      yearId: year.id,
      name: '区发展和改革局',
      kind: 'department',
      rankingGroup: '',
      aliases: ['发改局'],
      contactPerson: '甲',
      phone: '1',
    },
    { yearId: year.id, name: '东城街道', kind: 'town', rankingGroup: '', aliases: [], contactPerson: '乙', phone: '2' },
  ]);
  const leader = await addLeader({ yearId: year.id, name: '王建国', title: '区长', aliases: [] });
  const task = await addTask({
    yearId: year.id,
    code: '1',
    title: '重大项目攻坚行动',
    measures: [{ text: '专班推进' }],
    targets: [{ text: '投资100亿元', value: 100, unit: '亿元' }],
    leaderIds: [leader.id],
    leadUnitId: a!.id,
    coUnitIds: [b!.id],
    responsiblePerson: '甲',
    dueDate: '2026-11-30',
  });
  await setTaskPlan(task.id, [
    { month: 3, text: '启动', plannedPercent: 10 },
    { month: 4, text: '推进', plannedPercent: 30 },
  ]);
  await commitImport({
    yearId: year.id,
    kind: 'progress',
    files: [{ name: '发改局-4月.xlsx', sha256: 'a'.repeat(64) }],
    unchanged: 0,
    updates: [],
    creates: [
      {
        table: 'submissions',
        row: {
          id: 'real-s-4',
          yearId: year.id,
          kind: 'progress',
          month: 4,
          unitId: a!.id,
          receivedDate: '2026-04-27',
          fileName: '发改局-4月.xlsx',
        },
      },
      {
        table: 'reports',
        row: {
          id: 'real-r-4',
          yearId: year.id,
          month: 4,
          taskId: task.id,
          unitId: a!.id,
          isLeadUnit: true,
          percent: 20,
          statusWord: '滞后',
          doneThisMonth: '推进中',
          problems: '',
          nextSteps: '',
          coordination: '',
          delayExplanation: '',
          reporter: '甲',
          phone: '1',
          receivedDate: '2026-04-27',
          sourceFile: '发改局-4月.xlsx',
          sourceRow: 4,
        },
      },
    ],
  });
  await saveFeedback({
    yearId: year.id,
    month: 4,
    taskId: task.id,
    unitId: a!.id,
    verdict: '属实',
    comment: '',
    date: '2026-04-29',
  });
  await updateScoreRule(year.id, 'late', { points: -3 });
  await confirmProposals(year.id, 4, [
    {
      key: `behind:${a!.id}:${task.id}`,
      unitId: a!.id,
      ruleId: 'behind',
      points: -2,
      reason: '滞后',
      evidence: { taskId: task.id, reportId: 'real-r-4' },
    },
  ]);
  await addManualEntry({ yearId: year.id, month: 4, unitId: b!.id, points: 2, reason: '批示肯定' });
  await addInterview({
    yearId: year.id,
    month: 4,
    unitId: a!.id,
    date: '2026-05-06',
    attendees: '',
    reason: '滞后',
    outcome: '',
    followUp: '',
    suggested: false,
  });
  await publishMonth(year.id, 4, { note: '4月' });
  return year;
}

let data: SampleData;

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
  data = generateSample({ idPrefix: crypto.randomUUID() });
});

describe('loadSample', () => {
  it('stores every row of the sample year as generated, audited once per table', async () => {
    const progress: number[] = [];
    const year = await loadSample(data, (done, total) => progress.push(done / total));
    expect(year).toEqual(data.year);
    expect(await listSampleYears()).toEqual([data.year]);
    const counts = sampleCounts(data);
    for (const [name, count] of Object.entries(counts)) {
      const table = name === 'year' ? db.workYears : db.table(name);
      expect(await table.count(), name).toBe(count);
    }
    const { year: _year, ...tables } = data;
    for (const [name, rows] of Object.entries(tables)) {
      const stored = await db.table(name).toArray();
      const key = (r: { id: string }) => r.id;
      expect(
        stored.sort((x, y) => (key(x) < key(y) ? -1 : 1)),
        name,
      ).toEqual([...(rows as { id: string }[])].sort((x, y) => (key(x) < key(y) ? -1 : 1)));
    }
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const entries = await auditEntries();
    expect(entries[0]).toMatchObject({
      action: 'create',
      entity: 'workYears',
      entityId: data.year.id,
      operator: '张三',
      after: data.year,
    });
    expect(entries.slice(1).map((e) => [e.action, e.entity, e.entityId, (e.after as { rows: number }).rows])).toEqual(
      [
        'scoreRules',
        'units',
        'leaders',
        'sections',
        'tasks',
        'milestones',
        'submissions',
        'reports',
        'feedback',
        'scoreEntries',
        'interviews',
        'evaluations',
        'reviews',
        'rankings',
        'monthStates',
      ].map((t) => ['create', t, data.year.id, counts[t as keyof typeof counts]]),
    );
    expect((entries[6]!.after as { name: string }).name).toBe('加载示例数据（2025年度）：月方案节点 159 条');
    expect(await verifyAuditChain()).toEqual({ ok: true, count: entries.length, legacy: 0 });
  });

  it('obeys the scoring rules: the stored entries are what the 赛马 screens propose from the stored facts', async () => {
    await loadSample(data);
    const yearId = data.year.id;
    const units = await listUnits(yearId);
    const rules = await listScoreRules(yearId);
    const milestones = await listMilestones(yearId);
    const ledger = await listTasks(yearId);
    const stored = await listScoreEntries(yearId);
    for (const month of [...SAMPLE_PUBLISHED_MONTHS, SAMPLE_OPEN_MONTH]) {
      // As core/scoreboard.ts computes them, reviewed after the year.
      const proposals = proposeEntries({
        year: data.year,
        month,
        units,
        tasks: ledger.filter((t) => isOpenInMonth(t, 2025, month)),
        reports: await listReports(yearId, month),
        previousReports: await listReports(yearId, month - 1),
        milestones,
        submissions: await listSubmissions(yearId, 'progress', month),
        feedback: await listFeedback(yearId, month),
        reportDue: dueDate(data.year, 'report', month),
        today: '2026-03-05',
        rules,
      });
      const automatic = stored.filter((e) => e.month === month && e.automatic);
      // Only decisions are stored, never a proposal.
      expect(automatic.every((e) => e.state !== 'proposed')).toBe(true);
      const shown = monthEntries({
        yearId,
        month,
        units,
        proposals,
        stored: stored.filter((e) => e.month === month),
        published: false,
      });
      expect(
        shown.filter((e) => e.basisChanged),
        `${month}月`,
      ).toEqual([]);
      if (month === SAMPLE_OPEN_MONTH) {
        // November waits for the reviewer: every proposal shows undecided.
        expect(automatic).toEqual([]);
        expect(shown.filter((e) => e.automatic && !e.decided)).toHaveLength(proposals.length);
      } else {
        expect(automatic.map((e) => [e.id, e.points, e.reason]).sort(), `${month}月`).toEqual(
          proposals.map((p) => [`${yearId}:${month}:${p.key}`, p.points, p.reason]).sort(),
        );
        for (const p of proposals.filter((x) => x.waivedByExplanation))
          expect(automatic.find((e) => e.id.endsWith(p.key))).toMatchObject({
            state: 'waived',
            decisionNote: explanationWaiverNote,
          });
      }
    }
  });

  it('publishes months 3–10: their rows are frozen, November is open', async () => {
    await loadSample(data);
    const report = data.reports.find((r) => r.month === 5)!;
    await expect(
      saveFeedback({
        yearId: data.year.id,
        month: 5,
        taskId: report.taskId,
        unitId: report.unitId,
        verdict: '不属实',
        comment: '改',
      }),
    ).rejects.toThrow(new DomainError('5月已发布，不能修改；如需修改，请先撤销发布并说明原因'));
    const november = data.reports.find((r) => r.month === 11)!;
    await saveFeedback({
      yearId: data.year.id,
      month: 11,
      taskId: november.taskId,
      unitId: november.unitId,
      verdict: '基本属实',
      comment: '抽查',
    });
  });

  it('refuses a second sample and a year taken by real data, storing nothing', async () => {
    await createWorkYear({ ...data.year, title: '2025年度重点工作' });
    const before = await allData();
    const log = await auditEntries();
    await expect(loadSample(data)).rejects.toThrow(DomainError);
    await expect(loadSample(data)).rejects.toThrow(/已有2025年度的数据/);
    expect(await allData()).toEqual(before);
    expect(await auditEntries()).toEqual(log);

    await db.delete();
    await db.open();
    await loadSample(data);
    await expect(loadSample(generateSample({ idPrefix: 'again' }))).rejects.toThrow(
      new DomainError('示例数据已经加载（2025年度），无需重复加载。'),
    );
    // A real 2025 cannot be created beside it, and the message says what to do.
    await expect(createWorkYear({ ...data.year, title: '2025年度重点工作' })).rejects.toThrow(
      new DomainError('2025年度已被示例数据占用；如需建立正式的2025年度，请先在“工作年度”页面删除示例数据'),
    );
  });

  it('is all or nothing: a row failing its check midway leaves nothing', async () => {
    const real = await realYear();
    const before = await allData();
    const log = await auditEntries();
    const broken: SampleData = {
      ...data,
      reports: data.reports.map((r, i) => (i === 100 ? { ...r, taskId: 'no-such-task' } : r)),
    };
    await expect(loadSample(broken)).rejects.toThrow(/月度进展.*的重点工作不存在/);
    expect(await allData()).toEqual(before);
    expect(await auditEntries()).toEqual(log);
    expect(await rowsOfYear(data.year.id)).toEqual([]);
    expect((await db.workYears.toArray()).map((y) => y.id)).toEqual([real.id]);
  });

  it('is all or nothing: a failure of any kind midway (here thrown by the progress callback) leaves nothing', async () => {
    await realYear();
    const before = await allData();
    const log = await auditEntries();
    await expect(
      loadSample(data, (done) => {
        if (done === 9) throw new Error('断电');
      }),
    ).rejects.toThrow('断电');
    expect(await allData()).toEqual(before);
    expect(await auditEntries()).toEqual(log);
  });
});

describe('removeSample', () => {
  it('leaves a database emptied on purpose, not lost: no loss warning for backups of the sample', async () => {
    expect(await emptiedBySampleRemoval()).toBe(false);
    await loadSample(data);
    expect(await emptiedBySampleRemoval()).toBe(false);
    await removeSample(data.year.id);
    expect(await emptiedBySampleRemoval()).toBe(true);
    await createWorkYear({ ...data.year, title: '正式' });
    expect(await emptiedBySampleRemoval()).toBe(false);
  });

  it('removes every row of the sample year, imports included, audited once per table; a real year is untouched', async () => {
    const real = await realYear();
    const realBefore = JSON.stringify(await allData());
    const logBefore = await auditEntries();

    await loadSample(data);
    // The office tried the sample: an import into it and an edit.
    const unit = data.units[0]!;
    const task = data.tasks.find((t) => t.leadUnitId === unit.id)!;
    await commitImport({
      yearId: data.year.id,
      kind: 'tasks',
      files: [{ name: '任务清单.xlsx', sha256: 'b'.repeat(64) }],
      unchanged: 0,
      updates: [],
      creates: [
        {
          table: 'tasks',
          row: {
            id: 'tried',
            yearId: data.year.id,
            code: '99',
            title: '试导入的任务',
            measures: [],
            targets: [],
            leaderIds: [],
            leadUnitId: unit.id,
            coUnitIds: [],
            responsiblePerson: '',
            dueDate: '2025-11-30',
          },
        },
      ],
    });
    await updateTask(task.id, { responsiblePerson: '试改' });
    const loadedLog = await auditEntries();

    const progress: number[] = [];
    const removed = await removeSample(data.year.id, (done, total) => progress.push(done / total));
    const counts = sampleCounts(data);
    expect(removed).toBe(Object.values(counts).reduce((a, b) => a + b, 0) + 2); // the import's task and its batch
    expect(progress.at(-1)).toBe(1);

    expect(await rowsOfYear(data.year.id)).toEqual([]);
    expect(await listSampleYears()).toEqual([]);
    expect(JSON.stringify(await allData())).toBe(realBefore);
    expect((await db.workYears.toArray()).map((y) => y.id)).toEqual([real.id]);

    // The log keeps everything before, and gains one entry per table and one for the year.
    const log = await auditEntries();
    expect(log.slice(0, loadedLog.length)).toEqual(loadedLog);
    expect(log.slice(0, logBefore.length)).toEqual(logBefore);
    const added = log.slice(loadedLog.length);
    expect(added.every((e) => e.action === 'delete' && e.entityId === data.year.id && e.operator === '张三')).toBe(
      true,
    );
    expect(added.at(-1)).toMatchObject({ entity: 'workYears', before: data.year });
    expect(added.map((e) => e.entity).sort()).toEqual(
      [
        'monthStates',
        'rankings',
        'scoreRules',
        'units',
        'leaders',
        'sections',
        'tasks',
        'milestones',
        'submissions',
        'reports',
        'feedback',
        'scoreEntries',
        'interviews',
        'evaluations',
        'reviews',
        'importBatches',
        'workYears',
      ].sort(),
    );
    expect(added.find((e) => e.entity === 'tasks')!.before).toMatchObject({
      rows: data.tasks.length + 1,
      name: `删除示例数据（2025年度）：重点工作 ${data.tasks.length + 1} 条`,
    });
    expect(await verifyAuditChain()).toEqual({ ok: true, count: log.length, legacy: 0 });

    // The real year is still there: the database is not empty.
    expect(await emptiedBySampleRemoval()).toBe(false);
    // And it can be loaded again.
    await loadSample(generateSample({ idPrefix: 'second' }));
    expect((await listSampleYears()).map((y) => y.year)).toEqual([2025]);
  });

  it('refuses a year that is not a sample, a missing one, and a sample another year carries tasks over from', async () => {
    const real = await realYear();
    await expect(removeSample(real.id)).rejects.toThrow(
      new DomainError('2026年度不是示例数据，不能用“删除示例数据”删除'),
    );
    await expect(removeSample('nope')).rejects.toThrow(new DomainError('示例数据不存在（可能已被删除）'));

    await loadSample(data);
    const [unit] = await listUnits(real.id);
    await addTask({
      yearId: real.id,
      code: '2',
      title: '结转的任务',
      measures: [],
      targets: [],
      leaderIds: [],
      leadUnitId: unit!.id,
      coUnitIds: [],
      responsiblePerson: '',
      dueDate: '2026-11-30',
      carriedOverFrom: data.tasks[0]!.id,
    });
    const before = await allData();
    await expect(removeSample(data.year.id)).rejects.toThrow(
      /2026年度有1项重点工作（如"结转的任务"）是从示例数据结转的/,
    );
    expect(await allData()).toEqual(before);
  });
});
