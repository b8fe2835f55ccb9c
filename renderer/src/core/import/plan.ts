// A unit's monthly plan (月方案, PRODUCT.md §6) → one row per task with, for every month the
// sheet has, the milestone text (节点目标) and the planned cumulative percent (计划累计进度).
//
// The app's own workbook (planColumnHeaders: the writer and this reader share it):
//
//   row A:  任务编号 | 重点工作 | 责任类型 | 3月 (merged over 2) | 4月 (merged over 2) | …
//   row B:  (merged down)                 | 节点目标 | 计划累计进度(%) | 节点目标 | 计划累计进度(%) | …
//
// with 任务编号 hidden and a hidden _meta sheet (kind 'plan', year, unit, unitId). A unit may
// rebuild the sheet by hand: no ids (rows are matched by title afterwards, match.ts), the month
// over its two columns with or without merges, or one row of headers such as '3月节点目标' and
// '3月计划进度'. Pure; never throws.

import { cleanText, singleLine, toHalfWidth } from '../text';
import { columnLabels, type ColumnAliasTable } from './columns';
import { contextFromFileName, contextFromTexts } from './context';
import { headerRequirement } from './headers';
import { describeError, issueList, type IssueList } from './issues';
import { titleKey } from './match';
import { MAX_COLUMNS, MAX_ROWS, cellName, cellText, columnLetter, sheetView } from './sheet';
import { RowReader, tableRows, titleTexts, type OpenTable } from './table';
import { detectTemplate, templateLabels, type WorkbookMeta } from './template';
import type { Cell, Grid, ImportIssue, MergeRange } from './types';
import { isFractionColumn, parsePercent } from './values';

export type PlanRole = 'lead' | 'co';

/** How the 责任类型 column writes a role. */
export const planRoleLabels: Record<PlanRole, string> = { lead: '牵头', co: '配合' };

/** The header of the 责任类型 column (not one of the shared plan fields of columns.ts). */
export const PLAN_ROLE_HEADER = '责任类型';

/** The month group's two sub-headers, as the app writes them. */
export const PLAN_TEXT_HEADER = columnLabels.plan.milestone ?? '节点目标';
export const PLAN_PERCENT_HEADER = columnLabels.plan.plannedPercent ?? '计划累计进度(%)';

export type PlanColumnKey = 'taskId' | 'title' | 'role' | 'text' | 'percent';

export interface PlanTemplateColumn {
  key: PlanColumnKey;
  /** For 'text' and 'percent'. */
  month?: number;
  /** The header as the reader flattens it: '任务编号', '3月/节点目标'. */
  header: string;
  hidden: boolean;
}

export interface PlanHeader {
  columns: PlanTemplateColumn[];
  /** The two header rows as written, one text per column; '' in a cell covered by a merge. */
  rows: [string[], string[]];
  /** Merges within the two header rows, 0-based from the first header row and column A. */
  merges: MergeRange[];
  /** 0-based indexes of the hidden columns (任务编号). */
  hiddenColumns: number[];
}

/**
 * The header of the app's plan workbook for the given months (the window, e.g. 3..11): the
 * fixed columns 任务编号 (hidden), 重点工作 and 责任类型 (牵头/配合), each merged over both header
 * rows, then per month 'M月' merged across 节点目标 and 计划累计进度(%). The exporter writes
 * exactly this; mapPlan reads it back.
 */
export function planColumnHeaders(months: readonly number[]): PlanHeader {
  const fixed: { key: PlanColumnKey; header: string; hidden: boolean }[] = [
    { key: 'taskId', header: columnLabels.plan.taskId ?? '任务编号', hidden: true },
    { key: 'title', header: columnLabels.plan.title ?? '重点工作', hidden: false },
    { key: 'role', header: PLAN_ROLE_HEADER, hidden: false },
  ];
  const columns: PlanTemplateColumn[] = [];
  const top: string[] = [];
  const bottom: string[] = [];
  const merges: MergeRange[] = [];
  for (const f of fixed) {
    merges.push({ top: 0, left: columns.length, bottom: 1, right: columns.length });
    columns.push({ key: f.key, header: f.header, hidden: f.hidden });
    top.push(f.header);
    bottom.push('');
  }
  for (const month of months) {
    const left = columns.length;
    merges.push({ top: 0, left, bottom: 0, right: left + 1 });
    columns.push({ key: 'text', month, header: `${month}月/${PLAN_TEXT_HEADER}`, hidden: false });
    columns.push({ key: 'percent', month, header: `${month}月/${PLAN_PERCENT_HEADER}`, hidden: false });
    top.push(`${month}月`, '');
    bottom.push(PLAN_TEXT_HEADER, PLAN_PERCENT_HEADER);
  }
  const hiddenColumns = columns.flatMap((c, i) => (c.hidden ? [i] : []));
  return { columns, rows: [top, bottom], merges, hiddenColumns };
}

/**
 * Header texts the plan reader knows beyond the shared alias table: a month's own column in a
 * one-row header ('3月节点目标' is '本月节点目标' to headerKey; a bare '3月' holds the milestone),
 * short sub-headers under a month ('目标', '进度(%)') and the role column.
 */
const PLAN_EXTRA_ALIASES: Record<string, string[]> = {
  milestone: ['本月节点目标', '本月节点', '本月目标', '本月计划节点', '本月', '节点任务', '工作节点', '目标'],
  plannedPercent: ['本月计划累计进度', '本月计划进度', '本月累计进度', '本月进度', '累计进度', '进度'],
  role: [PLAN_ROLE_HEADER, '牵头/配合', '牵头或配合', '承担方式', '角色'],
};

function planAliases(office: ColumnAliasTable | undefined): ColumnAliasTable {
  const own = office?.plan && typeof office.plan === 'object' ? office.plan : {};
  const merged: Record<string, string[]> = {};
  for (const [field, texts] of Object.entries(PLAN_EXTRA_ALIASES)) merged[field] = [...texts];
  // The office's entries come last, so they win a clash.
  for (const [field, texts] of Object.entries(own)) {
    if (Array.isArray(texts))
      merged[field] = [...(merged[field] ?? []), ...texts.filter((t): t is string => typeof t === 'string')];
  }
  return { ...office, plan: merged };
}

export interface PlanCell {
  month: number;
  /** 节点目标 as written (line breaks kept, spaces cleaned); '' when empty. */
  text: string;
  /** 0..100; null when empty or unreadable (an unreadable one is an error naming the cell). */
  plannedPercent: number | null;
  /** The column letters of the month's two cells, when the sheet has them. */
  column: { text?: string; percent?: string };
}

export interface PlanSheetRow {
  /** 1-based row in the sheet, as Excel shows it. */
  sheetRow: number;
  /** From the hidden 任务编号 column of the app's own sheets. */
  taskId?: string;
  /** 序号 as written, when the sheet has that column. */
  code?: string;
  /** 重点工作 as written (one line). */
  taskAsWritten: string;
  /** 责任类型 as the sheet says it (牵头/配合), when it does. */
  role?: PlanRole;
  /** Every month the sheet has columns for, ascending. */
  months: PlanCell[];
}

export interface PlanMonthColumns {
  month: number;
  /** Column letters. */
  text?: string;
  percent?: string;
}

export interface PlanResult {
  rows: PlanSheetRow[];
  issues: ImportIssue[];
  sheet?: string;
  /** The months the sheet has columns for, with their letters (for validatePlan's columnOf). */
  monthColumns: PlanMonthColumns[];
  /** The unit as the workbook names it (_meta, 填报单位, title, file name); match it with matchName. */
  unit?: string;
  /** From the _meta sheet of the app's own workbook. */
  unitId?: string;
  /** The year the workbook says, if it says one. */
  year?: number;
  meta?: WorkbookMeta;
}

export interface PlanContext {
  /** The work year. */
  year: number;
  aliases?: ColumnAliasTable;
}

const CHINESE_DIGITS = '一二三四五六七八九';

/** The month at the start of a header part: '3月', '3 月份', '十一月' → 3, 3, 11. */
function monthOfPart(part: string): number | undefined {
  const s = toHalfWidth(part).replace(/\s+/gu, '');
  const digits = /^(\d{1,2})月/u.exec(s);
  let n: number | undefined;
  if (digits) n = Number(digits[1]);
  else {
    const word = /^(十[一二]?|[一二三四五六七八九])月/u.exec(s)?.[1];
    if (word === undefined) return undefined;
    n = word.startsWith('十')
      ? 10 + (word.length > 1 ? CHINESE_DIGITS.indexOf(word[1] ?? '') + 1 : 0)
      : CHINESE_DIGITS.indexOf(word) + 1;
  }
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : undefined;
}

/** The month a (flattened) header names in any of its parts: '3月/节点目标', '3月节点目标'. */
function monthOfHeader(header: string): number | undefined {
  for (const part of header.split('/')) {
    const m = monthOfPart(part);
    if (m !== undefined) return m;
  }
  return undefined;
}

function roleOf(text: string): PlanRole | undefined {
  const s = toHalfWidth(text).replace(/\s+/gu, '');
  if (/^(牵头|牵头单位|主办|主办单位|牵头责任单位)$/u.test(s)) return 'lead';
  if (/^(配合|配合单位|责任单位|协办|协办单位|参与|参与单位)$/u.test(s)) return 'co';
  return undefined;
}

/** File names and titles say 月方案, not 进展: take those words out before asking context.ts. */
function withoutPlanWords(text: string): string {
  return text.replace(/(重点工作)?(月度?|工作|推进|节点)?(方案|计划)(表)?/gu, '-');
}

function openPlanTable(grid: Grid, aliases: ColumnAliasTable, issues: IssueList): OpenTable | undefined {
  const label = templateLabels.plan;
  const sheets = Array.isArray(grid.sheets) ? grid.sheets : [];
  if (sheets.length === 0) {
    issues.add('error', '文件中没有工作表');
    return undefined;
  }
  const found = detectTemplate(grid, { kinds: ['plan'], aliases });
  if (found.meta && found.meta.kind !== 'plan') {
    issues.add('error', `该文件是本系统导出的${templateLabels[found.meta.kind]}，不是${label}`);
    return undefined;
  }
  if (!found.sheet || !found.layout) {
    const visible = sheets.filter((s) => s && !s.hidden).length;
    issues.add(
      'error',
      visible === 0 ? '文件中没有可见的工作表' : `未找到${label}的表头：前15行中应有一行包含${headerRequirement.plan}`,
    );
    return undefined;
  }
  const sheetIssues = issues.forSheet(found.sheet.name);
  for (const other of found.otherSheets) {
    issues.forSheet(other).add('warning', `工作表"${other}"也像${label}，但只读取了工作表"${found.sheet.name}"`);
  }
  const view = sheetView(found.sheet);
  if (view.truncated) sheetIssues.add('warning', `${columnLetter(MAX_COLUMNS - 1)}列以后的内容已忽略`);
  if (view.truncatedRows) sheetIssues.add('warning', `第${MAX_ROWS}行以后的内容已忽略`);
  const table: OpenTable = { view, layout: found.layout, issues: sheetIssues };
  if (found.meta) table.meta = found.meta;
  return table;
}

interface MonthColumnIndexes {
  month: number;
  text?: number;
  percent?: number;
}

/** Sorts the header's columns into month columns; tells about the others it cannot use. */
function monthColumnsOf(table: OpenTable): MonthColumnIndexes[] {
  const { layout, issues } = table;
  const byMonth = new Map<number, MonthColumnIndexes>();
  for (const column of layout.columns) {
    const field = column.field;
    const month = monthOfHeader(column.header);
    const isMonthField = field === 'milestone' || field === 'plannedPercent';
    if (month !== undefined && isMonthField) {
      const entry = byMonth.get(month) ?? { month };
      const key = field === 'milestone' ? 'text' : 'percent';
      const kept = entry[key];
      if (kept === undefined) entry[key] = column.index;
      else {
        issues.add(
          'warning',
          `${column.letter}列"${column.header}"与${columnLetter(kept)}列是同一项，只读取了${columnLetter(kept)}列`,
          layout.headerRow,
          column.index,
        );
      }
      byMonth.set(month, entry);
      continue;
    }
    if (isMonthField) {
      issues.add(
        'warning',
        `${column.letter}列"${column.header}"没有标明月份，已忽略（表头应写成"3月"下分"节点目标""计划累计进度(%)"）`,
        layout.headerRow,
        column.index,
      );
      continue;
    }
    if (field === undefined && !column.hidden) {
      issues.add(
        'info',
        `${column.letter}列"${column.header}"不是可识别的列名，已忽略（可在"列名别名"中添加）`,
        layout.headerRow,
        column.index,
      );
    }
  }
  for (const column of layout.duplicates) {
    if (column.field === 'milestone' || column.field === 'plannedPercent') continue;
    const kept = layout.fields[column.field ?? ''] ?? 0;
    issues.add(
      'warning',
      `${column.letter}列"${column.header}"与${columnLetter(kept)}列是同一项，只读取了${columnLetter(kept)}列`,
      layout.headerRow,
      column.index,
    );
  }
  const months = [...byMonth.values()].sort((a, b) => a.month - b.month);
  if (months.length === 0) {
    issues.add('error', '没有找到按月份填写的列：表头应为"3月""4月"……，每月下分"节点目标"和"计划累计进度(%)"两列');
  }
  const noText = months.filter((m) => m.text === undefined).map((m) => `${m.month}月`);
  if (noText.length > 0) issues.add('warning', `没有找到${noText.join('、')}的"节点目标"列`, layout.headerRow);
  const noPercent = months.filter((m) => m.percent === undefined).map((m) => `${m.month}月`);
  if (noPercent.length > 0)
    issues.add('warning', `没有找到${noPercent.join('、')}的"计划累计进度(%)"列`, layout.headerRow);
  return months;
}

function mapRows(grid: Grid, ctx: PlanContext, issues: IssueList, result: PlanResult): void {
  const aliases = planAliases(ctx.aliases);
  const table = openPlanTable(grid, aliases, issues);
  if (!table) return;
  result.sheet = table.view.sheet.name;
  if (table.meta) result.meta = table.meta;
  const sheetIssues = table.issues;
  const { fields } = table.layout;
  const months = monthColumnsOf(table);
  result.monthColumns = months.map((m) => {
    const out: PlanMonthColumns = { month: m.month };
    if (m.text !== undefined) out.text = columnLetter(m.text);
    if (m.percent !== undefined) out.percent = columnLetter(m.percent);
    return out;
  });
  const { data, notes } = tableRows(table);

  // Unit and year: _meta first, then 填报单位 and title rows, then the file name.
  const titles = titleTexts(table);
  const texts = contextFromTexts([...titles, ...notes]);
  const fromTitles = titles.map((t) => contextFromFileName(withoutPlanWords(singleLine(t))));
  const fromFile = contextFromFileName(withoutPlanWords(grid.fileName));
  const unit = table.meta?.unit ?? texts.unit ?? fromTitles.find((c) => c.unit !== undefined)?.unit ?? fromFile.unit;
  if (unit !== undefined) result.unit = unit;
  if (table.meta?.unitId !== undefined) result.unitId = table.meta.unitId;
  const year = table.meta?.year ?? texts.year ?? fromTitles.find((c) => c.year !== undefined)?.year ?? fromFile.year;
  if (year !== undefined) {
    result.year = year;
    if (year !== ctx.year) sheetIssues.add('warning', `文件写的是${year}年，当前工作年度是${ctx.year}年`);
  }
  if (months.length === 0) return;

  // A unit writing 0.1 … 1 writes it so in every month: fractions are judged over all percent cells.
  const percentCells: (Cell | undefined)[] = [];
  for (const r of data)
    for (const m of months)
      if (m.percent !== undefined) percentCells.push(table.view.rows[r]?.[m.percent] ?? undefined);
  const fractions = isFractionColumn(percentCells);

  const seen = new Map<string, number>();
  for (const r of data) {
    const read = new RowReader(table, r);
    const taskAsWritten = read.line('title');
    const taskId = read.line('taskId');
    if (taskAsWritten === '' && taskId === '') {
      sheetIssues.add('warning', `第${r + 1}行没有填写重点工作，已跳过`, r, fields.title);
      continue;
    }
    const key = taskId !== '' ? `id:${taskId}` : `title:${titleKey(taskAsWritten)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      sheetIssues.add(
        'warning',
        `第${r + 1}行的重点工作"${taskAsWritten || taskId}"与第${earlier + 1}行重复`,
        r,
        fields.title,
      );
    } else {
      seen.set(key, r);
    }

    const cells: PlanCell[] = [];
    for (const m of months) {
      const cell: PlanCell = { month: m.month, text: '', plannedPercent: null, column: {} };
      if (m.text !== undefined) {
        cell.column.text = columnLetter(m.text);
        const c = table.view.rows[r]?.[m.text] ?? undefined;
        if (c && c.t === 'error') {
          sheetIssues.add('warning', `${cellName(r, m.text)}是错误值${c.v}，按空白处理`, r, m.text);
        } else {
          cell.text = cleanText(cellText(c));
        }
      }
      if (m.percent !== undefined) {
        cell.column.percent = columnLetter(m.percent);
        const parsed = parsePercent(table.view.rows[r]?.[m.percent] ?? undefined, { fractions });
        if (parsed.ok) {
          cell.plannedPercent = parsed.value;
          if (parsed.note) sheetIssues.add('warning', `${cellName(r, m.percent)}${parsed.note}`, r, m.percent);
        } else if (!parsed.empty) {
          sheetIssues.add('error', `${cellName(r, m.percent)}${parsed.reason}`, r, m.percent);
        }
      }
      cells.push(cell);
    }

    const row: PlanSheetRow = { sheetRow: r + 1, taskAsWritten, months: cells };
    if (taskId !== '') row.taskId = taskId;
    if (fields.code !== undefined) row.code = read.line('code');
    const role = roleOf(read.line('role'));
    if (role !== undefined) row.role = role;
    result.rows.push(row);
  }
  if (result.rows.length === 0) sheetIssues.add('error', '月方案中没有读到任何重点工作');
}

/**
 * Reads a monthly plan: the app's own workbook (hidden 任务编号 column, _meta sheet with the
 * unit and its id) or a unit's own rebuild (two-row month headers with or without merges, or
 * one-row '3月节点目标' / '3月计划进度' headers; rows matched by title later). Notes (填报说明：…),
 * totals and empty rows are skipped. A percent that cannot be read ('八成', 120) is an error
 * naming the cell and reads as null; an empty one is left to validatePlan (core/plan.ts), which
 * knows which months the task needs. Never throws.
 */
export function mapPlan(grid: Grid, ctx: PlanContext): PlanResult {
  const file = typeof grid?.fileName === 'string' ? grid.fileName : '';
  const issues = issueList(file);
  const result: PlanResult = { rows: [], issues: issues.list, monthColumns: [] };
  try {
    mapRows({ ...grid, fileName: file }, ctx, issues, result);
  } catch (e) {
    result.rows = [];
    issues.add('error', `读取月方案时出现内部错误（${describeError(e)}），请把文件发给技术支持`);
  }
  return result;
}

/**
 * validatePlan's columnOf for a mapped row: the letter of a month's cell, when the sheet has it.
 */
export function planColumnOf(
  row: Pick<PlanSheetRow, 'months'>,
): (month: number, field: 'text' | 'percent') => string | undefined {
  return (month, field) => row.months.find((m) => m.month === month)?.column[field];
}
