import type { KeyboardEvent } from 'react';

// Rows the keyboard can work through: focusable, the arrow keys move between the rows of the same
// kind (marked with a data attribute) and Enter acts on the focused one, as a click would.

const focusOutline = { '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } } as const;

function rowKeys(marker: string, act: () => void, actKeys: readonly string[]) {
  return (e: KeyboardEvent<HTMLElement>) => {
    // Keys typed in a row's own field or button are theirs.
    if (e.target !== e.currentTarget) return;
    if (actKeys.includes(e.key)) {
      e.preventDefault();
      act();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const rows = [...document.querySelectorAll<HTMLElement>(`[${marker}]`)];
    rows[rows.indexOf(e.currentTarget) + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
  };
}

/**
 * The rows of a review list (加扣分 proposals, 督查反馈 reports): focusable, marked with
 * `data-review-row`, the arrow keys move between them and Enter decides the focused one.
 * Spread the result on the row.
 */
export function reviewRow(onEnter: () => void) {
  return {
    'data-review-row': true,
    tabIndex: 0,
    onKeyDown: rowKeys('data-review-row', onEnter, ['Enter']),
    sx: focusOutline,
  } as const;
}

/**
 * A row (or a card) that opens a page or a dialog: a click, Enter or Space opens it; Tab reaches
 * it and the arrow keys move between such rows (`data-link-row`). A table row keeps its row role;
 * a card passes its own (`'link'`). Spread the result on the element.
 */
export function linkRow(open: () => void, role?: 'link' | 'button') {
  return {
    'data-link-row': true,
    role,
    tabIndex: 0,
    onClick: open,
    onKeyDown: rowKeys('data-link-row', open, ['Enter', ' ']),
    sx: { ...focusOutline, cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } },
  } as const;
}
