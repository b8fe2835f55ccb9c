import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateSample } from '../core/sample';
import { effectiveScoreRules } from '../core/scoring';
import { taskStory } from '../core/story';
import {
  db,
  getTaskStoryRows,
  listMilestones,
  listScoreEntries,
  listYearFeedback,
  listYearReports,
  listYearSubmissions,
  loadSample,
  setOperator,
} from './index';

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
});

describe('getTaskStoryRows: what the task page reads, by index', () => {
  it('holds, for every task of the sample, the rows the story takes from the whole year, and tells the same story', async () => {
    const data = generateSample({ idPrefix: 's' });
    const year = await loadSample(data);
    const rules = effectiveScoreRules(year.id, data.scoreRules);
    const published = new Map(data.monthStates.filter((s) => s.state === 'published').map((s) => [s.month, undefined]));
    const sortById = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const task of data.tasks) {
      const rows = await getTaskStoryRows(year.id, task);
      const reports = data.reports.filter((r) => r.taskId === task.id);
      const unitIds = new Set([task.leadUnitId, ...task.coUnitIds, ...reports.map((r) => r.unitId)]);
      expect(sortById(rows.reports)).toEqual(sortById(reports));
      expect(sortById(rows.unitReports)).toEqual(sortById(data.reports.filter((r) => unitIds.has(r.unitId))));
      expect(sortById(rows.submissions)).toEqual(
        sortById(data.submissions.filter((s) => s.kind === 'progress' && unitIds.has(s.unitId))),
      );
      expect(sortById(rows.feedback)).toEqual(sortById(data.feedback.filter((f) => f.taskId === task.id)));
      expect(sortById(rows.milestones)).toEqual(sortById(data.milestones.filter((m) => m.taskId === task.id)));
      expect(sortById(rows.entries)).toEqual(sortById(data.scoreEntries.filter((e) => unitIds.has(e.unitId))));

      // The year's rows as the year's screens read them (the 加扣分 screen's entries by month then id).
      const common = { year, task, units: data.units, rules, published, today: '2026-03-02' };
      const yearReports = await listYearReports(year.id);
      const whole = taskStory({
        ...common,
        milestones: await listMilestones(year.id),
        reports: yearReports,
        unitReports: yearReports.filter((r) => unitIds.has(r.unitId)),
        submissions: await listYearSubmissions(year.id, 'progress'),
        feedback: await listYearFeedback(year.id),
        entries: await listScoreEntries(year.id),
      });
      expect(taskStory({ ...common, ...rows })).toEqual(whole);
    }
  });

  it('reads nothing of a task without units or reports', async () => {
    const data = generateSample({ idPrefix: 's' });
    const year = await loadSample(data);
    const rows = await getTaskStoryRows(year.id, { id: 'no-such-task', coUnitIds: [] });
    expect(rows).toEqual({ milestones: [], reports: [], unitReports: [], submissions: [], feedback: [], entries: [] });
  });
});
