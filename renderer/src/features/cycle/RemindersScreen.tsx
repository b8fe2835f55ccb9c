import { Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { DueDate } from '../../core/calendar';
import { chineseDate, weekdayName } from '../../core/dates';
import { sampleMark, type WorkYear } from '../../core/model';
import { reminderMessage, reminderTaskLabel, type ReminderRow } from '../../core/reminders';
import { desktop } from '../../io/desktop';
import { PrintDocument } from '../../print/PrintDocument';
import { useWorkYear } from '../../ui/YearContext';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { ActionAlert, useAction } from '../../ui/useAction';
import { MonthPicker, useScreenMonth } from '../../ui/MonthPicker';
import { useMonth } from '../../ui/useMonth';
import { ScreenHeader } from '../../ui/ScreenHeader';

/** 催报: from the due date on, the units whose sheets are missing, with whom to call and about what. */
export function RemindersScreen({ monthParam }: { monthParam?: string }) {
  const year = useWorkYear();
  const month = useScreenMonth(year, monthParam);
  const view = useMonth(year, month);
  const { message, setMessage, run } = useAction();
  const title = `${year.year}年${month}月重点工作进展催报清单`;

  const exportList = (rows: ReminderRow[]) => run(() => exportReminders(year, month, title, rows));

  // One message per unit, ready for the office's messaging tools; several are separated by a blank line.
  const copyMessages = (due: DueDate, rows: ReminderRow[], what: string) =>
    run(
      () => navigator.clipboard.writeText(rows.map((r) => reminderMessage(r, month, due)).join('\n\n')),
      `已复制${what}的催报消息，可粘贴到工作群或短信。`,
    );

  return (
    <Stack spacing={2}>
      <ScreenHeader title="催报清单" screenOnly>
        <MonthPicker year={year} month={month} onChange={(m) => navigateTo(routes.reminders(m))} />
        <Button
          variant="outlined"
          disabled={!view?.reminders.length}
          onClick={() => view && copyMessages(view.reportDue, view.reminders, `全部${view.reminders.length}个单位`)}
        >
          复制全部催报消息
        </Button>
        <Button
          variant="outlined"
          disabled={!view?.reminders.length}
          onClick={() => desktop.printView({ mode: 'print' })}
        >
          打印
        </Button>
        <Button
          variant="outlined"
          disabled={!view?.reminders.length}
          onClick={() => desktop.printView({ mode: 'pdf', suggestedName: `${title}.pdf` })}
        >
          另存为PDF
        </Button>
        <Button
          variant="outlined"
          disabled={!view?.reminders.length}
          onClick={() => view && exportList(view.reminders)}
        >
          导出Excel
        </Button>
      </ScreenHeader>
      <ActionAlert message={message} onClose={() => setMessage(undefined)} className="screen-only" />
      {view && (
        <Typography className="screen-only">
          {month}月进展报送截止 {chineseDate(view.reportDue.due)}（{weekdayName(view.reportDue.due)}）。
          {view.today < view.reportDue.due
            ? '尚未到截止日期，暂无需催报。'
            : `截至今天，${view.reminders.length} 个单位未报送。`}
        </Typography>
      )}
      {view && view.reminders.length > 0 && (
        <>
          <Paper variant="outlined" className="screen-only">
            <ReminderTable rows={view.reminders} onCopy={(row) => copyMessages(view.reportDue, [row], row.unitName)} />
          </Paper>
          <PrintDocument title={title} issuer="区政府督查室" date={view.today}>
            <ReminderTable rows={view.reminders} />
          </PrintDocument>
        </>
      )}
    </Stack>
  );
}

/** The list as printed; on screen (`onCopy`) each row also copies its unit's message. */
function ReminderTable({ rows, onCopy }: { rows: ReminderRow[]; onCopy?: (row: ReminderRow) => void }) {
  return (
    <Table size="small" aria-label="催报清单">
      <TableHead>
        <TableRow>
          <TableCell>序号</TableCell>
          <TableCell>单位</TableCell>
          <TableCell>联系人</TableCell>
          <TableCell>联系电话</TableCell>
          <TableCell>涉及任务</TableCell>
          <TableCell>逾期天数</TableCell>
          {onCopy && <TableCell align="right">催报消息</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r, i) => (
          <TableRow key={r.unitId}>
            <TableCell>{i + 1}</TableCell>
            <TableCell>{r.unitName}</TableCell>
            <TableCell>{r.contactPerson}</TableCell>
            <TableCell>{r.phone}</TableCell>
            <TableCell>{r.tasks.map(reminderTaskLabel).join('；')}</TableCell>
            <TableCell>{r.daysOverdue}</TableCell>
            {onCopy && (
              <TableCell align="right">
                <Button size="small" onClick={() => onCopy(r)} aria-label={`复制${r.unitName}的催报消息`}>
                  复制
                </Button>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

async function exportReminders(year: WorkYear, month: number, title: string, rows: ReminderRow[]) {
  const { writeWorkbook } = await import('../../io/excel/write');
  const bytes = await writeWorkbook(
    [
      {
        name: '催报清单',
        title,
        subtitle: '区政府督查室',
        columns: [
          { header: '序号', key: 'n', width: 6 },
          { header: '单位', key: 'unit', width: 20, wrap: true },
          { header: '联系人', key: 'contact', width: 10 },
          { header: '联系电话', key: 'phone', width: 16 },
          { header: '涉及任务', key: 'tasks', width: 48, wrap: true },
          { header: '逾期天数', key: 'days', width: 8 },
        ],
        rows: rows.map((r, i) => ({
          n: i + 1,
          unit: r.unitName,
          contact: r.contactPerson,
          phone: r.phone,
          tasks: r.tasks.map(reminderTaskLabel).join('\n'),
          days: r.daysOverdue,
        })),
      },
    ],
    { mark: sampleMark(year) },
  );
  await desktop.saveFile({ suggestedName: `${year.year}年${month}月催报清单.xlsx`, bytes });
}
