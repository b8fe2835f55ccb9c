// A unit's monthly progress sheet (月度进展情况表, PRODUCT.md §6) → one row per task as the
// unit wrote it, with the cumulative percent read. Task titles are matched afterwards
// (match.ts), against the tasks of the year.

import { cleanText } from '../text';
import type { ColumnAliasTable } from './columns';
import { monthFromSheetName } from './context';
import { describeError, issueList, type IssueList } from './issues';
import { parseContactNote } from './notes';
import { cellName } from './sheet';
import { RowReader, openTable, tableRows, titleTexts, workbookContext } from './table';
import type { WorkbookMeta } from './template';
import type { Grid, GridSheet, ImportIssue } from './types';
import { isFractionColumn, parsePercent } from './values';

export interface ProgressRow {
  /** 1-based row in the sheet, as Excel shows it. */
  sheetRow: number;
  /** From the hidden 任务编号 column of the app's own sheets. */
  taskId?: string;
  /** 重点工作 as written (one line). */
  taskAsWritten: string;
  /** 本月计划节点. */
  milestone: string;
  /** 本月完成情况. */
  done: string;
  /** 累计进度, 0..100; null when missing or unreadable (an error issue names the cell). */
  percent: number | null;
  /** The planned percent when the sheet has one (东城's 进度情况/计划(%)); informative only. */
  plannedPercent?: number;
  /** 状态 as written. */
  statusWord: string;
  problems: string;
  nextSteps: string;
  coordination: string;
  delayExplanation: string;
  /** From the column, else from a '填报人：…' note of the sheet. */
  reporter: string;
  phone: string;
}

export interface ProgressContext {
  /** The work year. */
  year: number;
  /** The month being imported, if the user chose one (a file that says another is held back: progressChangeset.ts heldBack). */
  month?: number;
  aliases?: ColumnAliasTable;
}

export interface ProgressResult {
  rows: ProgressRow[];
  issues: ImportIssue[];
  sheet?: string;
  /** The unit as the workbook names it (_meta, title, 填报单位, file name); match it with matchName. */
  unit?: string;
  /** The month the workbook says (_meta, title, file name, sheet name), else ctx.month. */
  month?: number;
  /** The year the workbook says, if it says one. */
  year?: number;
  meta?: WorkbookMeta;
}

const TEXT_FIELDS = ['milestone', 'done', 'problems', 'nextSteps', 'coordination', 'delayExplanation'] as const;

function mapRows(grid: Grid, ctx: ProgressContext, issues: IssueList, result: ProgressResult): void {
  // A workbook with a sheet per month: the month being imported, if one is chosen.
  const chosen = ctx.month;
  const prefer = chosen === undefined ? undefined : (sheet: GridSheet) => monthFromSheetName(sheet.name) === chosen;
  const table = openTable(grid, 'progress', ctx.aliases, issues, prefer);
  if (!table) return;
  result.sheet = table.view.sheet.name;
  if (table.meta) result.meta = table.meta;
  const sheetIssues = table.issues;
  const { fields } = table.layout;
  const { data, notes } = tableRows(table);

  const context = workbookContext(grid.fileName, table, notes);
  if (context.unit !== undefined) result.unit = context.unit;
  // A month or year other than the one being imported holds the file back (progressChangeset.ts heldBack).
  if (context.year !== undefined) result.year = context.year;
  const month = context.month ?? ctx.month;
  if (month !== undefined) result.month = month;
  if (month === undefined) sheetIssues.add('warning', '无法从文件中看出是几月的进展，请在导入时选择月份');
  if (fields.percent === undefined)
    sheetIssues.add('error', '没有找到"累计进度(%)"列（或"完成进度""进度情况/实际(%)"等）');

  // The reporter and phone of the note rows ('填报人：王某某  联系电话：…'), above or below the table.
  let sheetContact: { reporter?: string; phone?: string } = {};
  for (const text of [...notes, ...titleTexts(table)]) {
    sheetContact = { ...parseContactNote(text), ...sheetContact };
  }

  const percentColumn = fields.percent;
  const fractions =
    percentColumn !== undefined && isFractionColumn(data.map((r) => table.view.rows[r]?.[percentColumn] ?? undefined));
  const plannedColumn = fields.plannedPercent;
  const plannedFractions =
    plannedColumn !== undefined && isFractionColumn(data.map((r) => table.view.rows[r]?.[plannedColumn] ?? undefined));

  for (const r of data) {
    const read = new RowReader(table, r);
    const taskAsWritten = read.line('title');
    const taskId = read.line('taskId');
    if (taskAsWritten === '' && taskId === '') {
      sheetIssues.add('warning', `第${r + 1}行没有填写重点工作，已跳过`, r, fields.title);
      continue;
    }

    let percent: number | null = null;
    if (percentColumn !== undefined) {
      const parsed = parsePercent(read.cell('percent'), { fractions });
      if (parsed.ok) {
        percent = parsed.value;
        if (parsed.note) sheetIssues.add('warning', `${cellName(r, percentColumn)}${parsed.note}`, r, percentColumn);
      } else if (parsed.empty) {
        sheetIssues.add('error', `${cellName(r, percentColumn)}没有填写累计进度`, r, percentColumn);
      } else {
        sheetIssues.add('error', `${cellName(r, percentColumn)}${parsed.reason}`, r, percentColumn);
      }
    }

    const row: ProgressRow = {
      sheetRow: r + 1,
      taskAsWritten,
      milestone: '',
      done: '',
      percent,
      statusWord: read.line('statusWord'),
      problems: '',
      nextSteps: '',
      coordination: '',
      delayExplanation: '',
      reporter: read.line('reporter') || (sheetContact.reporter ?? ''),
      phone: read.line('phone') || (sheetContact.phone ?? ''),
    };
    for (const field of TEXT_FIELDS) row[field] = cleanText(read.raw(field));
    if (taskId !== '') row.taskId = taskId;
    if (plannedColumn !== undefined) {
      const planned = parsePercent(read.cell('plannedPercent'), { fractions: plannedFractions });
      if (planned.ok) row.plannedPercent = planned.value;
    }
    result.rows.push(row);
  }
  if (result.rows.length === 0) sheetIssues.add('error', '进展表中没有读到任何重点工作');
}

/**
 * Reads a monthly progress sheet: the app's own (hidden 任务编号 column, _meta sheet) or a unit's
 * own layout (title rows, two-row merged header, own column names through the alias table).
 * Notes, totals and empty rows are skipped; the reporter and phone come from their columns or
 * from a '填报人：…' note. A percent that is missing or cannot be read is an error naming the
 * cell, and the row is kept with percent null. Never throws.
 */
export function mapProgress(grid: Grid, ctx: ProgressContext): ProgressResult {
  const file = typeof grid?.fileName === 'string' ? grid.fileName : '';
  const issues = issueList(file);
  const result: ProgressResult = { rows: [], issues: issues.list };
  try {
    mapRows({ ...grid, fileName: file }, ctx, issues, result);
  } catch (e) {
    result.rows = [];
    issues.add('error', `读取进展表时出现内部错误（${describeError(e)}），请把文件发给技术支持`);
  }
  return result;
}
