// How every exported sheet prints, in one place: A4, the orientation its columns fit, scaled to
// one page wide (as many pages down as it takes), the header row repeated on each page, margins,
// page numbers, the sample mark in the page header, and row heights estimated from the text.
//
// Row heights are written, not left to the reader: neither Excel nor LibreOffice grows a row for
// its wrapped text when it opens a file a library wrote, so a row left at its default height
// prints one line of a long 主要情况 and cuts the rest.
import type ExcelJS from 'exceljs';

/** Font sizes (pt) of the writer's styles, for the row heights. */
export const FONT_SIZE = { title: 16, subtitle: 12, header: 11, body: 11, note: 10, mark: 14 } as const;

/** Excel's row height limit (points). */
export const MAX_ROW_HEIGHT = 409;

/** Margins in inches (Excel's unit): about 13 mm left and right, 15 mm top and bottom. */
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

/** A4 between the margins, in pixels at 96 dpi (Excel's unit for column widths). */
const PRINT_WIDTH_PX = {
  portrait: (210 / 25.4 - MARGINS.left - MARGINS.right) * 96,
  landscape: (297 / 25.4 - MARGINS.left - MARGINS.right) * 96,
};

/**
 * Portrait unless the columns would have to shrink below this to fit its width: a slightly
 * smaller portrait table reads better than a landscape page that is mostly empty below.
 */
const PORTRAIT_MIN_SCALE = 0.85;

/** The pixel width Excel gives a column of `width` characters (7 px per character of Calibri 11, 5 px padding). */
export function columnPixels(width: number): number {
  return Math.round(width * 7 + 5);
}

/** Landscape when the visible columns fit a portrait page only shrunk below PORTRAIT_MIN_SCALE. */
export function orientationFor(visibleWidths: readonly number[]): 'portrait' | 'landscape' {
  const total = visibleWidths.reduce((sum, w) => sum + columnPixels(w), 0);
  return total * PORTRAIT_MIN_SCALE > PRINT_WIDTH_PX.portrait ? 'landscape' : 'portrait';
}

/**
 * The sheet's print setup: A4, fitted to one page wide and as many pages down as it takes, the
 * header row repeated, centred, page numbers in the footer and `mark` (the sample year's 示例数据
 * line) in the header of every page.
 */
export function printSetup(options: { orientation: 'portrait' | 'landscape'; headerRow: number; mark?: string }): {
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
} {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: options.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { ...MARGINS },
      printTitlesRow: `${options.headerRow}:${options.headerRow}`,
    },
    headerFooter: {
      ...(options.mark ? { oddHeader: `&C&"宋体,加粗"&12${headerText(options.mark)}` } : {}),
      oddFooter: '&C第 &P 页，共 &N 页',
      differentFirst: false,
      differentOddEven: false,
    },
  };
}

/** '&' starts a code in a page header: written twice it prints one. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Width in Excel's units: CJK and full-width characters take about two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code > 0x2e80 ? 2.1 : 1.1;
  }
  return width;
}

/**
 * The lines a text takes in a column `width` characters wide at `fontSize` pt: its own lines,
 * each wrapped when `wrap`. The width is the body font's (11 pt); a larger font holds fewer
 * characters. A little is kept in reserve for the cell's padding and for a reader whose fallback
 * fonts run wider (LibreOffice without 仿宋).
 */
export function lineCount(text: string, width: number, wrap: boolean, fontSize: number = FONT_SIZE.body): number {
  const lines = text.split('\n');
  if (!wrap) return lines.length;
  const room = Math.max(1, ((width - 1) * 0.92 * FONT_SIZE.body) / fontSize);
  return lines.reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/**
 * The height (pt) of `lines` lines of a `fontSize` pt CJK font, with the cell's padding; at most
 * Excel's limit. A line of a CJK font takes about 1.45 times its size (Noto CJK, which LibreOffice
 * falls back to; 宋体 and 仿宋 in Excel take less), so 1.5.
 */
export function linesHeight(lines: number, fontSize: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(Math.max(1, lines) * fontSize * 1.5 + 4));
}

/** The height of a row of cells: its tallest cell. */
export function rowHeight(
  cells: readonly { text: string; width: number; wrap: boolean }[],
  fontSize: number = FONT_SIZE.body,
): number {
  let lines = 1;
  for (const cell of cells)
    if (cell.text !== '') lines = Math.max(lines, lineCount(cell.text, cell.width, cell.wrap, fontSize));
  return linesHeight(lines, fontSize);
}
