// What the import preview would see in a file, without a database: used by the support
// command `npm run inspect` and by the fixture tests. Same reader and mapping as the app.
import { detectTemplate } from '../core/import/template';
import { mapTaskList } from '../core/import/taskList';
import { mapProgress } from '../core/import/progress';
import { mapEvaluation } from '../core/import/evaluation';
import { matchTaskTitle } from '../core/import/match';
import type { ImportIssue, ReadResult, TemplateKind } from '../core/import/types';
import { readWorkbook } from './excel/read';

export interface InspectReport {
  file: string;
  ok: boolean;
  template: TemplateKind | null;
  unit: string | null;
  month: number | null;
  rows: Record<string, unknown>[];
  issues: Omit<ImportIssue, 'file'>[];
}

export interface InspectOptions {
  /** The work year for dates written without one. */
  year: number;
  /** Canonical task titles (from a task list) to match progress rows against. */
  taskTitles?: string[];
  /** How the file is read (default: readWorkbook in this thread; the inspect command uses a time-bounded worker). */
  read?: (fileName: string, bytes: Uint8Array) => Promise<ReadResult>;
}

const withoutFile = ({ file: _file, ...rest }: ImportIssue) => rest;

export async function inspectFile(
  fileName: string,
  bytes: Uint8Array,
  options: InspectOptions,
): Promise<InspectReport> {
  const report: InspectReport = {
    file: fileName,
    ok: false,
    template: null,
    unit: null,
    month: null,
    rows: [],
    issues: [],
  };
  const read = await (options.read ?? readWorkbook)(fileName, bytes);
  if (!read.ok) {
    report.issues.push({ severity: 'error', message: read.message });
    return report;
  }
  const detected = detectTemplate(read.grid);
  report.template = detected.kind;
  let issues: ImportIssue[];
  if (detected.kind === 'tasks') {
    const mapped = mapTaskList(read.grid, { year: options.year });
    issues = mapped.issues;
    report.rows = mapped.rows.map((r) => ({
      title: r.title,
      section: r.section,
      leader: r.leader,
      leadUnit: r.leadUnit,
      coUnits: r.coUnits,
      targets: r.targets,
      measures: r.measures,
      due: r.due,
    }));
  } else if (detected.kind === 'progress') {
    const mapped = mapProgress(read.grid, { year: options.year });
    issues = mapped.issues;
    report.unit = mapped.unit ?? null;
    report.month = mapped.month ?? null;
    const known = (options.taskTitles ?? []).map((title, i) => ({ id: String(i), title }));
    report.rows = mapped.rows.map((r) => {
      const match = known.length ? matchTaskTitle(r.taskAsWritten, known) : undefined;
      return {
        task: match?.id !== undefined ? known[Number(match.id)]!.title : r.taskAsWritten,
        taskAsWritten: r.taskAsWritten,
        percent: r.percent,
        status: r.statusWord,
        milestone: r.milestone,
        done: r.done,
        problems: r.problems,
        delayExplanation: r.delayExplanation,
      };
    });
  } else if (detected.kind === 'evaluation') {
    // The scale as the sheet suggests it; an ambiguous one is an error here (the app asks).
    const mapped = mapEvaluation(read.grid, { year: options.year });
    issues = mapped.issues;
    report.rows = mapped.rows.map((r) => ({
      unit: r.unitAsWritten,
      task: r.taskAsWritten,
      rater: r.rater,
      rawScore: r.rawScore,
      scale: r.scale,
      score: r.score,
      sampleSize: r.sampleSize ?? null,
    }));
  } else {
    issues = [
      {
        severity: 'error',
        file: fileName,
        message: `"${fileName}"：未识别出表格类型（任务清单、月方案、月度进展或第三方评估）`,
      },
    ];
  }
  report.issues = [...(read.grid.issues ?? []), ...issues].map(withoutFile);
  report.ok = !issues.some((i) => i.severity === 'error');
  return report;
}
