// Which unit and month a sheet is about, as its own words say: the title row
// ('区发展和改革局2026年5月重点工作进展情况表'), a '填报单位：东城街道' row, the sheet name ('5月')
// and the file name ('东城街道-5月进展.xls'). The names are as written; matching them against
// the registry is the caller's (see match.ts).

import { singleLine, toHalfWidth } from '../text';

export interface SheetContext {
  unit?: string;
  year?: number;
  month?: number;
}

/** Endings of a unit's name: 局, 委, 办, 街道, 镇, 中心, 公司, 大队 … */
const UNIT_ENDING =
  /(局|委|办|办公室|街道|镇|乡|中心|公司|集团|大队|支队|院|会|部|所|处|室|队|站|馆|社|园区|管委会|委员会|分局|平台)$/u;
/** Words that are never (the start of) a unit's name. */
const NOT_A_UNIT = /^(关于|附件|表|填报|重点工作|进展|月报|月度|最新|修改|终稿|副本|新建)/u;

/** A unit name candidate cleaned of '（盖章）' and colons, or undefined when it does not look like one. */
function unitName(candidate: string): string | undefined {
  const s = singleLine(candidate)
    .replace(/[（(]\s*(盖章|公章|章)\s*[)）]$/u, '')
    .replace(/[:：\s]+$/u, '')
    .replace(/的$/u, '')
    .trim();
  if (s.length < 2 || s.length > 40 || NOT_A_UNIT.test(s) || /\d/u.test(toHalfWidth(s))) return undefined;
  return UNIT_ENDING.test(s) ? s : undefined;
}

function validMonth(n: number): number | undefined {
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : undefined;
}

function validYear(n: number): number | undefined {
  return Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : undefined;
}

const FILLED_BY = /(填报单位|报送单位|单位名称|单位)\s*:\s*([^\s:]+?)(?=\s|$|填报|报送|日期|联系|填表)/u;
const TITLE_WITH_YEAR = /^(.*?)(\d{4})年度?(\d{1,2})月份?(.*)$/u;
const TITLE_NO_YEAR = /^(.*?)(?<!\d)(\d{1,2})月份?(.*)$/u;
/** A title is a report of a month when it says so. */
const REPORT_WORDS = /(进展|情况|月报|报表|统计表|推进表|汇总表|表)/u;

/**
 * Unit, year and month from texts above (or below) the table, first finding wins per item:
 * '填报单位：东城街道  填报日期：2026年5月26日' gives the unit (the 填报日期 gives nothing: a May
 * report may be filled in early June); '区发展和改革局2026年5月重点工作进展情况表' gives the
 * unit, year and month.
 */
export function contextFromTexts(texts: readonly string[]): SheetContext {
  const out: SheetContext = {};
  for (const raw of texts) {
    const text = toHalfWidth(singleLine(raw));
    const filled = FILLED_BY.exec(text);
    if (filled && out.unit === undefined) {
      const unit = unitName(filled[2] ?? '');
      if (unit) out.unit = unit;
    }
    const withoutDate = text.replace(/(填报|报送|制表)(日期|时间)\s*:\s*\S+/gu, '');
    let prefix: string;
    let year: number | undefined;
    let month: number | undefined;
    let rest: string;
    const withYear = TITLE_WITH_YEAR.exec(withoutDate);
    if (withYear) {
      prefix = withYear[1] ?? '';
      year = validYear(Number(withYear[2]));
      month = validMonth(Number(withYear[3]));
      rest = withYear[4] ?? '';
    } else {
      const noYear = TITLE_NO_YEAR.exec(withoutDate);
      if (!noYear) continue;
      prefix = noYear[1] ?? '';
      month = validMonth(Number(noYear[2]));
      rest = noYear[3] ?? '';
    }
    if (month === undefined || !REPORT_WORDS.test(rest)) continue;
    if (out.month === undefined) out.month = month;
    if (out.year === undefined && year !== undefined) out.year = year;
    if (out.unit === undefined) {
      const unit = unitName(prefix);
      if (unit) out.unit = unit;
    }
  }
  return out;
}

/** Report words after a unit's name in a file name: '区商务局重点工作进展情况表'. */
const REPORT_TAIL = /(重点工作)?(月度)?(进展情况表|进展情况|进展|推进情况|完成情况|月报|报表|情况表)$/u;
/** Generic words in file names that are not a unit. */
const FILE_NOISE =
  /^(进展|进展情况|进展情况表|月度进展|月报|报表|重点工作|重点工作进展|填报|最新|修改|终稿|副本|copy)$/iu;

/**
 * Unit, year and month from a file name: '东城街道-5月进展.xls' → 东城街道, 5;
 * '区发展和改革局_2026年5月.xlsx' → 区发展和改革局, 2026, 5; '东城街道5月进展.xls' and
 * '区商务局重点工作进展情况表.xlsx' too.
 */
export function contextFromFileName(fileName: string): SheetContext {
  const base = (fileName.split(/[\\/]/u).pop() ?? '').replace(/\.(xlsx|xlsm|xls|et|csv)$/iu, '');
  const name = toHalfWidth(base);
  const out: SheetContext = {};
  const y = /(?<!\d)(\d{4})年?(?!\d)/u.exec(name);
  if (y) {
    const year = validYear(Number(y[1]));
    if (year !== undefined) out.year = year;
  }
  const m = /(?<!\d)(\d{1,2})月/u.exec(name);
  if (m) {
    const month = validMonth(Number(m[1]));
    if (month !== undefined) out.month = month;
  }
  for (const part of name.split(/[-_—－\s()（）【】[\]·.,，、]+/u)) {
    if (part === '' || FILE_NOISE.test(part)) continue;
    // '东城街道5月进展' → the part before the first digit; '区商务局进展' → without the report words.
    const head = (part.split(/\d/u)[0] ?? '').replace(REPORT_TAIL, '');
    const unit = unitName(head);
    if (unit) {
      out.unit = unit;
      break;
    }
  }
  return out;
}

/** The month a sheet's name gives: '5月', '5月份', '5月进展', '五月' → 5. */
export function monthFromSheetName(sheetName: string): number | undefined {
  const s = toHalfWidth(sheetName).trim();
  const m = /^(\d{1,2})月/u.exec(s);
  if (m) return validMonth(Number(m[1]));
  const c = /^(十[一二]?|[一二三四五六七八九])月/u.exec(s);
  if (!c) return undefined;
  const word = c[1] ?? '';
  const digits = '一二三四五六七八九';
  if (word.startsWith('十')) return 10 + (word.length > 1 ? digits.indexOf(word[1] ?? '') + 1 : 0);
  return digits.indexOf(word) + 1;
}

/** The items of `first` where it has them, else of `second`. */
export function mergeContext(first: SheetContext, second: SheetContext): SheetContext {
  const out: SheetContext = { ...second };
  if (first.unit !== undefined) out.unit = first.unit;
  if (first.year !== undefined) out.year = first.year;
  if (first.month !== undefined) out.month = first.month;
  return out;
}
