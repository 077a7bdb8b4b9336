import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useRef } from 'react';

/** A row's height before it is measured; table rows are about this tall in the default theme. */
const ROW_ESTIMATE = 49;

/**
 * Rows of a long table, only those in view (and a few either side) in the page: the table sits
 * in its own scrolling box (class `table-scroll`), and spacer rows stand in for the rest so the
 * scroll bar is true. Give the table `aria-rowcount` and each row `aria-rowindex` (index + 2,
 * after the header) so assistive technology still knows how many rows there are.
 */
export function useVirtualRows(count: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    initialRect: { width: 1000, height: 800 },
  });
  const rows: VirtualItem[] = virtualizer.getVirtualItems();
  return {
    scroller,
    rows,
    before: rows[0]?.start ?? 0,
    after: virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0),
    measure: virtualizer.measureElement,
  };
}

/** Stands in for the rows above or below the ones in the page. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} className="virtual-spacer" style={{ height }} />
    </tr>
  );
}
