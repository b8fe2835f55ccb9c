// The office's task list (重点工作任务清单, PRODUCT.md §6) → one row per task, with its
// section, lists split, names split and the due date read.

import { chineseDate } from '../dates';
import { singleLine, splitList, splitNames } from '../text';
import type { ColumnAliasTable } from './columns';
import { describeError, issueList, type IssueList } from './issues';
import { cellName, cellText } from './sheet';
import { RowReader, openTable, tableRows, type OpenTable } from './table';
import { titleKey } from './match';
import { parseDate } from './values';
import type { Grid, ImportIssue } from './types';

export interface TaskListRow {
  /** 1-based row in the sheet, as Excel shows it. */
  sheetRow: number;
  /** 序号 as written ('' when the sheet has none). */
  code: string;
  /** 工作板块 as written, e.g. '一、扩大有效投资' ('' when the sheet has none). */
  section: string;
  title: string;
  targets: string[];
  measures: string[];
  /** 分管区领导 as written, on one line ('张明、李华' for two). */
  leader: string;
  /** The same, split into names. */
  leaders: string[];
  /** The first name written under 牵头单位. */
  leadUnit: string;
  /** 责任单位 (配合单位, 协办单位 …) split into names; further 牵头单位 names come first; never the lead unit. */
  coUnits: string[];
  /** 'YYYY-MM-DD'; '' only when the due date could not be read (an error issue names the cell). */
  due: string;
}

export interface TaskListContext {
  /** The work year: dates written without a year ('11月底前') are in it. */
  year: number;
  /** The office's column aliases, merged over the defaults. */
  aliases?: ColumnAliasTable;
  /** Due date where the sheet gives none, 'MM-DD' (default '11-30', PRODUCT.md §1). */
  defaultDue?: string;
}

export interface TaskListResult {
  rows: TaskListRow[];
  issues: ImportIssue[];
  /** The sheet that was read. */
  sheet?: string;
}

/** Due dates that name no day: the default applies, with a warning. */
const OPEN_ENDED = /^(长期|持续|常态|全年|年度内|按序时|按进度)/u;

/** A row that only names a section: one text, no title (task lists without a 工作板块 column). */
function sectionRowText(table: OpenTable, r: number): string | undefined {
  const row = table.view.rows[r] ?? [];
  const texts = new Set<string>();
  for (const cell of row) {
    if (!cell) continue;
    if (cell.t !== 'text') return undefined;
    const t = cell.v.trim();
    if (t !== '') texts.add(t);
  }
  if (texts.size !== 1) return undefined;
  const text = [...texts][0] ?? '';
  return /^([一二三四五六七八九十]{1,3}|\d{1,2})[、.．]|板块/u.test(text) ? text : undefined;
}

function mapRows(grid: Grid, ctx: TaskListContext, issues: IssueList, result: TaskListResult): void {
  const table = openTable(grid, 'tasks', ctx.aliases, issues);
  if (!table) return;
  result.sheet = table.view.sheet.name;
  const sheetIssues = table.issues;
  const { fields } = table.layout;
  const defaultDue = `${ctx.year}-${ctx.defaultDue ?? '11-30'}`;
  if (fields.due === undefined) {
    sheetIssues.add('info', `没有"完成时限"列，所有任务的完成时限按${chineseDate(defaultDue)}`);
  }

  let section = '';
  const seen = new Map<string, number>();
  for (const r of tableRows(table).data) {
    const read = new RowReader(table, r);
    const title = read.line('title');
    if (title === '') {
      const sectionText = sectionRowText(table, r);
      if (sectionText !== undefined) {
        section = sectionText;
        continue;
      }
      sheetIssues.add('warning', `第${r + 1}行没有填写重点工作名称，已跳过`, r, fields.title);
      continue;
    }
    const sectionCell = read.line('section');
    if (sectionCell !== '') section = sectionCell;

    const leaderText = read.raw('leader');
    const leaders = splitNames(leaderText);
    const leadNames = splitNames(read.raw('leadUnit'));
    const leadUnit = leadNames[0] ?? '';
    if (leadNames.length > 1) {
      sheetIssues.add(
        'info',
        `${cellName(r, fields.leadUnit ?? 0)}写了${leadNames.length}个牵头单位，"${leadUnit}"作为牵头单位，其余作为责任单位`,
        r,
        fields.leadUnit,
      );
    }
    const coUnits: string[] = [];
    for (const name of [...leadNames.slice(1), ...splitNames(read.raw('coUnits'))]) {
      if (name !== leadUnit && !coUnits.includes(name)) coUnits.push(name);
    }
    if (leadUnit === '' && fields.leadUnit !== undefined) {
      sheetIssues.add('warning', `${cellName(r, fields.leadUnit)}没有填写牵头单位`, r, fields.leadUnit);
    }

    let due = defaultDue;
    if (fields.due !== undefined) {
      const cell = read.cell('due');
      const shown = singleLine(cellText(cell));
      const parsed = parseDate(cell, { year: ctx.year });
      if (parsed.ok) {
        due = parsed.value;
        if (!due.startsWith(`${ctx.year}-`)) {
          sheetIssues.add(
            'warning',
            `${cellName(r, fields.due)}的完成时限${chineseDate(due)}不在${ctx.year}年度内`,
            r,
            fields.due,
          );
        }
      } else if (parsed.empty) {
        sheetIssues.add(
          'info',
          `${cellName(r, fields.due)}没有填写完成时限，按${chineseDate(defaultDue)}`,
          r,
          fields.due,
        );
      } else if (OPEN_ENDED.test(shown)) {
        sheetIssues.add(
          'warning',
          `${cellName(r, fields.due)}的"${shown}"不是具体日期，完成时限按${chineseDate(defaultDue)}`,
          r,
          fields.due,
        );
      } else {
        due = '';
        sheetIssues.add('error', `${cellName(r, fields.due)}${parsed.reason}`, r, fields.due);
      }
    }

    const key = titleKey(title);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      sheetIssues.add('warning', `第${r + 1}行的重点工作"${title}"与第${earlier + 1}行重复`, r, fields.title);
    } else {
      seen.set(key, r);
    }

    result.rows.push({
      sheetRow: r + 1,
      code: read.line('code'),
      section,
      title,
      targets: splitList(read.raw('targets')),
      measures: splitList(read.raw('measures')),
      leader: singleLine(leaderText),
      leaders,
      leadUnit,
      coUnits,
      due,
    });
  }
  if (result.rows.length === 0) sheetIssues.add('error', '任务清单中没有读到任何重点工作');
}

/**
 * Reads a task list. Merged cells are filled down (each task gets the 工作板块 of its merged
 * cell; a blank 工作板块 cell continues the one above); notes, totals and empty rows are
 * skipped; a row without a title is skipped with a warning; a missing due date becomes
 * `${year}-11-30` (info), an unreadable one an error naming the cell. Never throws.
 */
export function mapTaskList(grid: Grid, ctx: TaskListContext): TaskListResult {
  const file = typeof grid?.fileName === 'string' ? grid.fileName : '';
  const issues = issueList(file);
  const result: TaskListResult = { rows: [], issues: issues.list };
  try {
    mapRows(grid, ctx, issues, result);
  } catch (e) {
    result.rows = [];
    issues.add('error', `读取任务清单时出现内部错误（${describeError(e)}），请把文件发给技术支持`);
  }
  return result;
}
