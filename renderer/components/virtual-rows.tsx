import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

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
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} className="virtual-spacer" style={{ height }} />
    </tr>
  );
}

/** What a virtual table's row must carry (spread on its `<tr>`) to be measured and counted. */
export interface VirtualRowProps {
  'data-index': number;
  ref: (row: HTMLTableRowElement | null) => void;
  'aria-rowindex': number;
}

/**
 * A table of thousands of rows with only those in view in the page (see useVirtualRows). `row`
 * draws one item's `<tr>`, with a key and the props it is given.
 */
export function VirtualTable<T>({
  caption,
  headings,
  items,
  row,
}: {
  /** Read by screen readers only: the heading above says the same to the eye. */
  caption: string;
  headings: string[];
  items: T[];
  row: (item: T, props: VirtualRowProps) => ReactNode;
}) {
  const { scroller, rows, before, after, measure } = useVirtualRows(items.length);
  return (
    <div className="table-wrap table-scroll" ref={scroller} tabIndex={0}>
      <table className="table" aria-rowcount={items.length + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr aria-rowindex={1}>
            {headings.map((heading) => (
              <th scope="col" key={heading}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={before} columns={headings.length} />
          {rows.map(({ index }) => {
            const item = items[index];
            if (item === undefined) return null;
            return row(item, { 'data-index': index, ref: measure, 'aria-rowindex': index + 2 });
          })}
          <SpacerRow height={after} columns={headings.length} />
        </tbody>
      </table>
    </div>
  );
}
