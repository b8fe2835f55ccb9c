// The import mapping's public face: grid in, typed rows and issues out. See each module for
// the rules; this file only gathers what screens, the inspect command and the writer use.

export type { Cell, Grid, GridSheet, ImportIssue, MergeRange, ReadResult, Severity, TemplateKind } from './types';
export {
  columnLabels,
  defaultColumnAliases,
  evaluationFields,
  headerKey,
  planFields,
  progressFields,
  taskListFields,
  type ColumnAliases,
  type ColumnAliasTable,
} from './columns';
export { contextFromFileName, contextFromTexts, monthFromSheetName, type SheetContext } from './context';
export { HEADER_SEARCH_ROWS, findHeader, type HeaderColumn, type HeaderLayout } from './headers';
export { MAX_ISSUES_PER_FILE } from './issues';
export {
  closeness,
  diceSimilarity,
  matchName,
  matchTaskTitle,
  titleKey,
  type NameMatch,
  type NameSuggestion,
  type TaskMatch,
  type TaskMatchOptions,
  type TaskSuggestion,
} from './match';
export { isNoteRow, isNoteText, isTotalsRow, parseContactNote } from './notes';
export { mapProgress, type ProgressContext, type ProgressResult, type ProgressRow } from './progress';
export {
  PLAN_PERCENT_HEADER,
  PLAN_ROLE_HEADER,
  PLAN_TEXT_HEADER,
  mapPlan,
  planColumnHeaders,
  planColumnOf,
  planRoleLabels,
  type PlanCell,
  type PlanColumnKey,
  type PlanContext,
  type PlanHeader,
  type PlanMonthColumns,
  type PlanResult,
  type PlanRole,
  type PlanSheetRow,
  type PlanTemplateColumn,
} from './plan';
export { MAX_COLUMNS, cellName, cellText, columnLetter, sheetView, type SheetView } from './sheet';
export { mapTaskList, type TaskListContext, type TaskListResult, type TaskListRow } from './taskList';
export {
  META_SHEET_NAME,
  detectTemplate,
  metaRows,
  readMeta,
  templateLabels,
  type DetectOptions,
  type TemplateDetection,
  type WorkbookMeta,
} from './template';
export {
  excelSerialToDate,
  isFractionColumn,
  lastDayOfMonth,
  parseDate,
  parsePercent,
  type ValueResult,
} from './values';
