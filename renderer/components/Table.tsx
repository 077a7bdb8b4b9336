import type { ReactNode } from 'react';

/**
 * A table of records: column headings across the top, one row per record (the caller's `<tr>`s,
 * each led by a `<th scope="row">`), scrolling sideways on a narrow screen. A caption names it
 * for screen readers; `hideCaption` when the heading above already says the same to the eye.
 */
export function Table({
  caption,
  hideCaption = false,
  headings,
  children,
  className,
  id,
}: {
  caption: ReactNode;
  hideCaption?: boolean;
  headings: ReactNode[];
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'} id={id}>
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {headings.map((heading, index) => (
              <th scope="col" key={index}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
