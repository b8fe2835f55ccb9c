import { META_SHEET_NAME, metaRows } from '../../core/import/template';
import { sampleMark, type WorkYear } from '../../core/model';
import { utcDate } from '../../core/dates';
import { desktop } from '../../io/desktop';
import type { LedgerRow } from './LedgerScreen';

const numbered = (items: { text: string }[]) => items.map((item, i) => `${i + 1}、${item.text}`).join('\n');

/**
 * The ledger as the office's own task-list template (PRODUCT.md §6), so the file can be edited
 * in Excel and imported back: an unchanged file re-imports with zero changes.
 */
export async function exportLedger(year: WorkYear, rows: LedgerRow[]): Promise<void> {
  // exceljs is large: loaded when the first export is asked for, not at start-up.
  const { writeWorkbook } = await import('../../io/excel/write');
  const bytes = await writeWorkbook(
    [
      {
        name: '重点工作任务清单',
        title: `${year.year}年度重点工作任务清单`,
        subtitle: `共 ${rows.length} 项`,
        landscape: true,
        columns: [
          { header: '序号', key: 'code', width: 6 },
          { header: '工作板块', key: 'section', width: 14, wrap: true },
          { header: '重点工作', key: 'title', width: 22, wrap: true },
          { header: '工作目标', key: 'targets', width: 34, wrap: true },
          { header: '主要措施', key: 'measures', width: 34, wrap: true },
          { header: '分管区领导', key: 'leaders', width: 10, wrap: true },
          { header: '牵头单位', key: 'leadUnit', width: 16, wrap: true },
          { header: '责任单位', key: 'coUnits', width: 24, wrap: true },
          { header: '完成时限', key: 'due', width: 15 },
        ],
        rows: rows.map((r) => ({
          code: r.task.code,
          section: r.section,
          title: r.task.title,
          targets: numbered(r.task.targets),
          measures: numbered(r.task.measures),
          leaders: r.leaders,
          leadUnit: r.leadUnit,
          coUnits: r.coUnits,
          // A date cell (2026年11月30日 in Excel), read back as the same date on import.
          due: utcDate(r.task.dueDate) ?? r.task.dueDate,
        })),
      },
      {
        name: META_SHEET_NAME,
        hidden: true,
        columns: [
          { header: 'key', key: 'key' },
          { header: 'value', key: 'value' },
        ],
        rows: metaRows({ kind: 'tasks', year: year.year, appVersion: import.meta.env.VITE_APP_VERSION }).map(
          ([key, value]) => ({ key, value }),
        ),
      },
    ],
    { mark: sampleMark(year) },
  );
  await desktop.saveFile({ suggestedName: `${year.year}年度重点工作任务台账.xlsx`, bytes });
}
