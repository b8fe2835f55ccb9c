// Collecting the problems of one file: every issue names the file, and where it has one the
// sheet, the row (1-based, as Excel shows it) and the column (a letter).

import { columnLetter } from './sheet';
import type { ImportIssue, Severity } from './types';

/** More issues than this in one file are summed up in one last issue (a preview stays usable). */
export const MAX_ISSUES_PER_FILE = 1000;

export interface IssueList {
  readonly list: ImportIssue[];
  /** row and col are 0-based here; the issue carries them as Excel shows them. */
  add(severity: Severity, message: string, row?: number, col?: number): void;
  /** Same list, another sheet. */
  forSheet(sheet: string): IssueList;
}

export function issueList(file: string, sheet?: string, shared?: { list: ImportIssue[]; dropped: number }): IssueList {
  const store = shared ?? { list: [] as ImportIssue[], dropped: 0 };
  return {
    list: store.list,
    add(severity, message, row, col) {
      if (store.list.length >= MAX_ISSUES_PER_FILE) {
        store.dropped += 1;
        const last = store.list[store.list.length - 1];
        const summary = `另有${store.dropped}个问题未列出，请先改正上面的问题`;
        if (last && last.message.startsWith('另有')) last.message = summary;
        else store.list.push({ severity: 'warning', file, message: summary });
        return;
      }
      const issue: ImportIssue = { severity, file, message };
      if (sheet !== undefined) issue.sheet = sheet;
      if (row !== undefined) issue.row = row + 1;
      if (col !== undefined) issue.column = columnLetter(col);
      store.list.push(issue);
    },
    forSheet(name) {
      return issueList(file, name, store);
    },
  };
}

/** A short description of something that was thrown, for the one "internal error" issue. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
