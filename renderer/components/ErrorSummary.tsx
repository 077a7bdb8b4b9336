import { useEffect, useId, useRef } from 'react';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Lists what needs fixing at the top of a form and takes focus, each entry linking to its field
 * (the pattern GOV.UK services use, which works well with screen readers).
 */
export function ErrorSummary({
  errors,
  title = 'There is a problem',
}: {
  errors: FieldError[];
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Unique, since a screen can hold several forms that each list their own problems.
  const headingId = useId();
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ul>
        {errors.map(({ field, message }) => (
          <li key={`${field}:${message}`}>
            {field ? (
              <a
                href={`#field-${field}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(`field-${field}`)?.focus();
                }}
              >
                {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
