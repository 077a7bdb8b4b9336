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

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="muted">
      Loading {what}…
    </p>
  );
}

export function LoadError({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <div role="alert" className="notice notice-error">
      <p>Something went wrong: {error.message}</p>
      {retry ? (
        <button type="button" className="button secondary" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
