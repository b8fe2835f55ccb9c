import { useRef, type ReactNode } from 'react';
import { Box } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { linkRow } from './reviewRows';

export interface VirtualColumn<Row> {
  key: string;
  header: string;
  /** A CSS grid track, e.g. '80px' or '2fr'. */
  width: string;
  render(row: Row): ReactNode;
}

interface Props<Row> {
  ariaLabel: string;
  columns: VirtualColumn<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
  onRowClick?(row: Row): void;
  /** Height of the scrolling area. */
  height: string;
  empty?: ReactNode;
}

// One scrolling list however long (staff come from Excel and expect no paging): only the rows in
// view are in the DOM. ARIA table roles keep it readable by screen readers and by the tests.
export function VirtualTable<Row>({ ariaLabel, columns, rows, rowKey, onRowClick, height, empty }: Props<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 10,
  });
  const template = columns.map((c) => c.width).join(' ');
  const cellSx = { px: 1, py: 0.75, overflow: 'hidden', wordBreak: 'break-all', whiteSpace: 'pre-line' } as const;

  return (
    <Box
      role="table"
      aria-label={ariaLabel}
      aria-rowcount={rows.length + 1}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}
    >
      <Box role="rowgroup">
        <Box
          role="row"
          aria-rowindex={1}
          sx={{
            display: 'grid',
            gridTemplateColumns: template,
            borderBottom: 2,
            borderColor: 'divider',
            fontWeight: 700,
            bgcolor: 'grey.100',
          }}
        >
          {columns.map((c) => (
            <Box key={c.key} role="columnheader" sx={{ ...cellSx, whiteSpace: 'nowrap' }}>
              {c.header}
            </Box>
          ))}
        </Box>
      </Box>
      {/* Rows that open nothing are not focusable: the area itself is, so the keyboard scrolls it. */}
      <Box
        ref={scrollRef}
        role="rowgroup"
        tabIndex={onRowClick && rows.length > 0 ? undefined : 0}
        sx={{ height, overflow: 'auto', position: 'relative' }}
      >
        {rows.length === 0 && <Box sx={{ p: 2, color: 'text.secondary' }}>{empty}</Box>}
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            const opens = onRowClick ? linkRow(() => onRowClick(row)) : undefined;
            return (
              <Box
                {...opens}
                key={rowKey(row)}
                role="row"
                aria-rowindex={item.index + 2}
                data-index={item.index}
                ref={virtualizer.measureElement}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  width: '100%',
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: template,
                  borderBottom: 1,
                  borderColor: 'divider',
                  ...opens?.sx,
                }}
              >
                {columns.map((c) => (
                  <Box key={c.key} role="cell" sx={cellSx}>
                    {c.render(row)}
                  </Box>
                ))}
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
