import { useMemo } from 'react';
import { dueDate, isOpenInMonth } from '../core/calendar';
import { monthSummary } from '../core/dashboard';
import type { Feedback, Milestone, ProgressReport, Submission, Task, Unit, WorkYear } from '../core/model';
import { assessTaskMonth, defaultProgressRules, type ProgressRules, type TaskMonthAssessment } from '../core/progress';
import { reminderList, responsibleUnits } from '../core/reminders';
import {
  useFeedback,
  useMonthState,
  useReports,
  useSetting,
  useSubmissions,
  useTasks,
  useUnits,
  useYearMilestones,
} from '../db';
import { todayInChina } from './today';

export interface TaskMonth {
  task: Task;
  leadUnit?: Unit;
  /** The lead unit's report: it sets the task's percent. */
  report?: ProgressReport;
  /** Co-units' reports, shown beside it. */
  coReports: { unit: Unit; report?: ProgressReport }[];
  assessment: TaskMonthAssessment;
}

/**
 * Everything a screen of the monthly cycle shows for one month, computed once from the stored
 * facts by the pure rules: the reports screen, 督查反馈, the 催报 list and the dashboard
 * all read this, so they cannot disagree.
 */
export function useMonth(year: WorkYear, month: number) {
  const tasks = useTasks(year.id);
  const units = useUnits(year.id);
  const milestones = useYearMilestones(year.id);
  const reports = useReports(year.id, month);
  const submissions = useSubmissions(year.id, 'progress', month);
  const feedback = useFeedback(year.id, month);
  const state = useMonthState(year.id, month);
  const rules = useSetting<ProgressRules>('progressRules') ?? defaultProgressRules;
  const today = todayInChina();

  return useMemo(() => {
    if (!tasks || !units || !milestones || !reports || !submissions || !feedback) return undefined;
    const unitById = new Map(units.map((u) => [u.id, u]));
    // Lookups by key, built once: a large district has 1,600 reports and as many 督查反馈 a month.
    const pair = (taskId: string, unitId: string | undefined) => `${taskId}\u0000${unitId ?? ''}`;
    const reportByPair = new Map<string, ProgressReport>();
    for (const r of reports)
      if (!reportByPair.has(pair(r.taskId, r.unitId))) reportByPair.set(pair(r.taskId, r.unitId), r);
    const reportOf = (taskId: string, unitId: string | undefined) => reportByPair.get(pair(taskId, unitId));
    const feedbackByPair = new Map(feedback.map((f) => [pair(f.taskId, f.unitId), f]));
    const submissionByUnit = new Map<string, Submission>();
    for (const s of submissions) if (!submissionByUnit.has(s.unitId)) submissionByUnit.set(s.unitId, s);
    const milestonesByTask = new Map<string, Milestone[]>();
    for (const m of milestones) milestonesByTask.set(m.taskId, [...(milestonesByTask.get(m.taskId) ?? []), m]);
    const owing = responsibleUnits(tasks, year.year, month);
    const rows: TaskMonth[] = tasks
      .filter((t) => isOpenInMonth(t, year.year, month))
      .map((task) => {
        const report = reportOf(task.id, task.leadUnitId);
        return {
          task,
          leadUnit: task.leadUnitId ? unitById.get(task.leadUnitId) : undefined,
          report,
          coReports: task.coUnitIds.flatMap((id) =>
            unitById.has(id) ? [{ unit: unitById.get(id)!, report: reportOf(task.id, id) }] : [],
          ),
          assessment: assessTaskMonth(
            {
              task,
              milestones: milestonesByTask.get(task.id) ?? [],
              month,
              workWindow: year,
              report: report ?? null,
              today,
            },
            rules,
          ),
        };
      });
    const reportDue = dueDate(year, 'report', month);
    const feedbackDue = dueDate(year, 'feedback', month);
    const submittedUnitIds = new Set(submissions.map((s) => s.unitId));
    const summary = monthSummary({
      assessments: rows.map((r) => ({
        taskId: r.task.id,
        status: r.assessment.status,
        light: r.assessment.light,
        unitIds: r.task.leadUnitId ? [r.task.leadUnitId] : [],
      })),
      expectedUnitIds: [...owing.keys()],
      submittedUnitIds: [...submittedUnitIds],
    });
    return {
      rows,
      units,
      unitById,
      owing,
      reports,
      submissions: submissions as Submission[],
      submissionOf: (unitId: string) => submissionByUnit.get(unitId),
      feedback: feedback as Feedback[],
      feedbackOf: (taskId: string, unitId: string) => feedbackByPair.get(pair(taskId, unitId)),
      reportDue,
      feedbackDue,
      reminders: reminderList({ month, due: reportDue, today, units, tasks, submittedUnitIds }),
      summary,
      published: state?.state === 'published',
      state,
      today,
    };
  }, [tasks, units, milestones, reports, submissions, feedback, state, rules, today, year, month]);
}

export type MonthView = NonNullable<ReturnType<typeof useMonth>>;
