import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Every screen starts here: it sets the window title and moves focus to the heading on arrival,
 * so keyboard and screen reader users land at the top of the new page, as with a page load.
 */
export function Page({
  title,
  heading,
  children,
  actions,
}: {
  title: string;
  heading?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – SPQA`;
    ref.current?.focus();
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1} ref={ref}>
          {heading ?? title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </>
  );
}
