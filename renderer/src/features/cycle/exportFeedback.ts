import { sampleMark, type Feedback, type ProgressReport, type Unit, type WorkYear } from '../../core/model';
import { lightLabels, statusLabels } from '../../core/progress';
import { desktop } from '../../io/desktop';
import type { TaskMonth } from '../../ui/useMonth';

interface Item {
  row: TaskMonth;
  report?: ProgressReport;
  role: 'lead' | 'co';
  feedback?: Feedback;
}

/** The 督查反馈单 of one unit and month: what it reported, what the office found, its verdicts. */
export async function exportFeedbackSheet(year: WorkYear, month: number, unit: Unit, items: Item[]): Promise<void> {
  const { writeWorkbook } = await import('../../io/excel/write');
  const bytes = await writeWorkbook(
    [
      {
        name: `${month}月督查反馈`,
        title: `${unit.name}${year.year}年${month}月重点工作督查反馈单`,
        subtitle: '区政府督查室',
        landscape: true,
        columns: [
          { header: '序号', key: 'n', width: 6 },
          { header: '重点工作', key: 'title', width: 24, wrap: true },
          { header: '责任类型', key: 'role', width: 8 },
          { header: '累计进度(%)', key: 'percent', width: 10 },
          { header: '状态', key: 'status', width: 10 },
          { header: '红黄绿灯', key: 'light', width: 8 },
          { header: '滞后原因说明', key: 'explanation', width: 24, wrap: true },
          { header: '说明是否采纳', key: 'accepted', width: 10 },
          { header: '核查结论', key: 'verdict', width: 10 },
          { header: '反馈意见', key: 'comment', width: 30, wrap: true },
        ],
        rows: items.map((i, n) => ({
          n: n + 1,
          title: i.row.task.title,
          role: i.role === 'lead' ? '牵头' : '配合',
          percent: i.report?.percent ?? '未报',
          status: i.role === 'lead' ? statusLabels[i.row.assessment.status] : '',
          light: i.role === 'lead' ? lightLabels[i.row.assessment.light] : '',
          explanation: i.report?.delayExplanation ?? '',
          accepted:
            i.feedback?.explanationAccepted === undefined ? '' : i.feedback.explanationAccepted ? '采纳' : '不予采纳',
          verdict: i.feedback?.verdict ?? '',
          comment: i.feedback?.comment ?? '',
        })),
      },
    ],
    { mark: sampleMark(year) },
  );
  await desktop.saveFile({ suggestedName: `${unit.name}-${year.year}年${month}月督查反馈单.xlsx`, bytes });
}
