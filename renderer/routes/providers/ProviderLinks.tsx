import { Link } from 'react-router';

/** The ways to add providers: one by one, or many from a CSV file. */
export function ProviderLinks({ importLabel }: { importLabel: string }) {
  return (
    <>
      <Link className="button" to="/providers/new">
        Add a provider
      </Link>
      <Link className="button secondary" to="/providers/import">
        {importLabel}
      </Link>
    </>
  );
}
