// Which template a workbook is, and which sheet holds it. The app's own workbooks say so in a
// hidden '_meta' sheet; other workbooks are recognised by their header row.

import type { ColumnAliasTable } from './columns';
import { HEADER_SEARCH_ROWS, findHeader, type HeaderLayout } from './headers';
import { cellText, sheetView, type SheetView } from './sheet';
import type { Grid, GridSheet, TemplateKind } from './types';

/** The name of the hidden sheet in which the app's own workbooks carry their metadata. */
export const META_SHEET_NAME = '_meta';

/** What the app writes into its workbooks' _meta sheet. */
export interface WorkbookMeta {
  kind: TemplateKind;
  year?: number;
  month?: number;
  /** The unit's name as the app knows it. */
  unit?: string;
  /** The unit's id in the app's database, when the workbook was made for one unit. */
  unitId?: string;
  appVersion?: string;
}

/** How the templates are called in messages and in the UI. */
export const templateLabels: Record<TemplateKind, string> = {
  tasks: '重点工作任务清单',
  plan: '月方案',
  progress: '月度进展情况表',
  evaluation: '第三方评估结果',
};

const KINDS: readonly TemplateKind[] = ['tasks', 'plan', 'progress', 'evaluation'];

/**
 * The rows of the _meta sheet, one key/value pair per row (column A the key, column B the
 * value), in this order: kind, year, month, unit, unitId, appVersion; absent items are left out.
 * The writer puts these rows into a sheet named META_SHEET_NAME and hides it; readMeta reads them.
 */
export function metaRows(meta: WorkbookMeta): [string, string | number][] {
  const rows: [string, string | number][] = [['kind', meta.kind]];
  if (meta.year !== undefined) rows.push(['year', meta.year]);
  if (meta.month !== undefined) rows.push(['month', meta.month]);
  if (meta.unit !== undefined) rows.push(['unit', meta.unit]);
  if (meta.unitId !== undefined) rows.push(['unitId', meta.unitId]);
  if (meta.appVersion !== undefined) rows.push(['appVersion', meta.appVersion]);
  return rows;
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/**
 * The metadata of a _meta sheet, or undefined when it has no valid `kind`. Keys are matched
 * without regard to case; unknown keys, and values that do not fit (a month of 13), are ignored.
 */
export function readMeta(sheet: GridSheet): WorkbookMeta | undefined {
  const pairs = new Map<string, string>();
  for (const row of Array.isArray(sheet.rows) ? sheet.rows.slice(0, 100) : []) {
    if (!Array.isArray(row)) continue;
    const key = cellText(row[0] ?? null)
      .trim()
      .toLowerCase();
    if (key !== '' && !pairs.has(key)) pairs.set(key, cellText(row[1] ?? null).trim());
  }
  const kind = pairs.get('kind') as TemplateKind | undefined;
  if (kind === undefined || !KINDS.includes(kind)) return undefined;
  const meta: WorkbookMeta = { kind };
  const year = wholeNumber(pairs.get('year') ?? '', 1990, 2100);
  if (year !== undefined) meta.year = year;
  const month = wholeNumber(pairs.get('month') ?? '', 1, 12);
  if (month !== undefined) meta.month = month;
  const unit = pairs.get('unit');
  if (unit) meta.unit = unit;
  const unitId = pairs.get('unitid');
  if (unitId) meta.unitId = unitId;
  const appVersion = pairs.get('appversion');
  if (appVersion) meta.appVersion = appVersion;
  return meta;
}

/** The _meta sheet of a grid, if it has one. */
export function metaSheet(grid: Grid): GridSheet | undefined {
  return Array.isArray(grid.sheets) ? grid.sheets.find((s) => s && s.name === META_SHEET_NAME) : undefined;
}

export interface TemplateDetection {
  kind: TemplateKind | null;
  /** The sheet holding the template's table: the first visible sheet whose header matches. */
  sheet?: GridSheet;
  /** Its header, when found. */
  layout?: HeaderLayout;
  /** From the _meta sheet of the app's own workbooks. */
  meta?: WorkbookMeta;
  /** Further visible sheets with a header of the same template; they are not read. */
  otherSheets: string[];
}

export interface DetectOptions {
  /** Only these templates (the mappers ask for their own). */
  kinds?: readonly TemplateKind[];
  aliases?: ColumnAliasTable;
  /** Among several matching sheets, the first one for which this is true wins (e.g. the month's sheet). */
  prefer?: (sheet: GridSheet) => boolean;
}

/** A view of the first rows only: enough to find a header, cheap for a 15,000-row sheet. */
function headView(sheet: GridSheet): SheetView {
  const rows = Array.isArray(sheet.rows) ? sheet.rows.slice(0, HEADER_SEARCH_ROWS + 2) : [];
  return sheetView({ ...sheet, rows });
}

/**
 * The template of a workbook. With a _meta sheet its kind is taken from there and only that
 * template's header is looked for; otherwise every visible sheet is tried in order and the
 * first whose header matches a template gives the kind. Of several sheets of that template the
 * first is read — or the first that `prefer` picks. The layout's rows are valid for the
 * full sheet too (the header lies within the first rows).
 */
export function detectTemplate(grid: Grid, options: DetectOptions = {}): TemplateDetection {
  const sheets = Array.isArray(grid.sheets) ? grid.sheets.filter((s) => s && typeof s === 'object') : [];
  const metaHolder = metaSheet({ ...grid, sheets });
  const meta = metaHolder ? readMeta(metaHolder) : undefined;
  const kinds = meta ? [meta.kind] : options.kinds;
  const result: TemplateDetection = { kind: meta?.kind ?? null, otherSheets: [] };
  if (meta) result.meta = meta;
  for (const sheet of sheets) {
    if (sheet.hidden || sheet === metaHolder) continue;
    const layout = findHeader(headView(sheet), { kinds, aliases: options.aliases });
    if (!layout) continue;
    if (!result.sheet) {
      result.kind = layout.kind;
      result.sheet = sheet;
      result.layout = layout;
    } else if (layout.kind === result.kind) {
      const better = options.prefer !== undefined && !options.prefer(result.sheet) && options.prefer(sheet);
      if (better) {
        result.otherSheets.push(result.sheet.name);
        result.sheet = sheet;
        result.layout = layout;
      } else {
        result.otherSheets.push(sheet.name);
      }
    }
  }
  return result;
}
