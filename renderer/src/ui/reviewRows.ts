import type { KeyboardEvent } from 'react';

/**
 * The rows of a review list (加扣分 proposals, 督查反馈 reports): focusable, marked with
 * `data-review-row`, the arrow keys move between them and Enter decides the focused one.
 * Spread the result on the row.
 */
export function reviewRow(onEnter: () => void) {
  return {
    'data-review-row': true,
    tabIndex: 0,
    onKeyDown: (e: KeyboardEvent<HTMLTableRowElement>) => {
      if (e.target !== e.currentTarget) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        onEnter();
        return;
      }
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      e.preventDefault();
      const rows = [...document.querySelectorAll<HTMLElement>('tr[data-review-row]')];
      rows[rows.indexOf(e.currentTarget) + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    },
    sx: { '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } },
  } as const;
}
