import { GlobalStyles } from '@mui/material';
import type { ReactNode } from 'react';
import { chineseDate } from '../core/dates';

// Official-document proportions (GB/T 9704-2012, PRODUCT.md §7): A4, margins 37/35/28/26 mm,
// title 2号 (22pt) 小标宋, body 3号 (16pt) 仿宋, page numbers "— 1 —" at the bottom. Windows
// fonts first, Noto CJK where they are absent. No shadows or images: they make printing slow.
const titleFont = '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", "宋体", "Noto Serif CJK SC", serif';
const bodyFont = '"仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif';

const printStyles = (
  <GlobalStyles
    styles={{
      '.print-document': { display: 'none' },
      '@page': {
        size: 'A4',
        margin: '37mm 26mm 35mm 28mm',
        '@bottom-center': { content: '"— " counter(page) " —"', fontFamily: bodyFont, fontSize: '14pt' },
      },
      '@media print': {
        body: { background: 'white' },
        // The page margins are the document's: the app's own padding would widen them on paper.
        main: { padding: '0 !important' },
        '.screen-only, .no-print': { display: 'none !important' },
        '.print-document': { display: 'block', fontFamily: bodyFont, fontSize: '16pt', color: 'black' },
        '.print-document h1': {
          fontFamily: titleFont,
          fontSize: '22pt',
          fontWeight: 'normal',
          textAlign: 'center',
          margin: '0 0 8pt',
        },
        '.print-document h2': { fontSize: '16pt', fontWeight: 'bold', margin: '14pt 0 6pt', breakAfter: 'avoid' },
        '.print-document .issuer': { textAlign: 'center', fontSize: '14pt', marginBottom: '14pt' },
        '.print-document table': { width: '100%', borderCollapse: 'collapse', fontSize: '12pt' },
        '.print-document thead': { display: 'table-header-group' },
        '.print-document tr': { breakInside: 'avoid' },
        '.print-document th, .print-document td': {
          border: '0.5pt solid black',
          padding: '3pt 4pt',
          verticalAlign: 'top',
        },
        '.print-document th': { fontFamily: titleFont, fontWeight: 'normal' },
        // A screen's link (a unit's name) or MUI table cell reads on paper as the document's text.
        '.print-document a': { color: 'inherit', textDecoration: 'none' },
        '.print-document .MuiTableCell-root': { fontSize: 'inherit', lineHeight: 1.4 },
        // A light's colour is what it says: printed, not dropped as a background.
        '.print-document .MuiChip-root': { printColorAdjust: 'exact' },
        '*': { boxShadow: 'none !important' },
      },
    }}
  />
);

/**
 * A page as it is printed: hidden on screen, alone on paper (the screen around it is marked
 * `screen-only`). The print/PDF button of a screen prints this.
 */
export function PrintDocument({
  title,
  issuer,
  date,
  children,
}: {
  title: string;
  issuer: string;
  /** 'YYYY-MM-DD', printed 2026年6月25日. */
  date: string;
  children: ReactNode;
}) {
  return (
    <>
      {printStyles}
      <div className="print-document">
        <h1>{title}</h1>
        <div className="issuer">
          {issuer}
          {'\u3000'}
          {chineseDate(date)}
        </div>
        {children}
      </div>
    </>
  );
}
