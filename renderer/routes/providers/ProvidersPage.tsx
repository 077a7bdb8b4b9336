import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  PROVIDER_TYPES,
  PROVIDER_TYPE_LABELS,
  REGIONS,
  REGION_LABELS,
  type ProviderType,
  type Region,
} from '../../../shared/providers/vocabulary';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { outcomeBadgeClass, outcomeLabel } from '../../components/labels';
import { LoadError } from '../../components/Loaded';
import { Page } from '../../components/Page';

const PAGE_SIZE = 100;

export function ProvidersPage() {
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [region, setRegion] = useState<Region | ''>('');
  const [type, setType] = useState<ProviderType | ''>('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [limit, setLimit] = useState(PAGE_SIZE);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 200);
    return () => clearTimeout(timer);
  }, [query]);

  const state = useLoad(
    () =>
      invoke('providers.list', {
        query: debounced || undefined,
        region: region || undefined,
        type: type || undefined,
        includeArchived,
        limit,
      }),
    [debounced, region, type, includeArchived, limit],
  );

  return (
    <Page
      title="Providers"
      actions={
        <>
          <Link className="button" to="/providers/new">
            Add a provider
          </Link>
          <Link className="button secondary" to="/providers/import">
            Import from CSV
          </Link>
        </>
      }
    >
      <form
        role="search"
        aria-label="Providers"
        className="filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="provider-search">Search</label>
          <p className="hint" id="provider-search-hint">
            Name, charity or company number, or the start of a postcode
          </p>
          <input
            id="provider-search"
            type="search"
            className="input input-medium"
            value={query}
            aria-describedby="provider-search-hint"
            onChange={(e) => {
              setQuery(e.target.value);
              setLimit(PAGE_SIZE);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="provider-region">Region</label>
          <select
            id="provider-region"
            className="input"
            value={region}
            onChange={(e) => setRegion(e.target.value as Region | '')}
          >
            <option value="">All regions</option>
            {REGIONS.map((r) => (
              <option key={r} value={r}>
                {REGION_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="provider-type">Type</label>
          <select
            id="provider-type"
            className="input"
            value={type}
            onChange={(e) => setType(e.target.value as ProviderType | '')}
          >
            <option value="">All types</option>
            {PROVIDER_TYPES.map((t) => (
              <option key={t} value={t}>
                {PROVIDER_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input
            id="provider-archived"
            type="checkbox"
            checked={includeArchived}
            onChange={(e) => setIncludeArchived(e.target.checked)}
          />
          <label htmlFor="provider-archived">Include archived</label>
        </div>
      </form>

      {state.error ? <LoadError error={state.error} retry={state.reload} /> : null}
      <p role="status" className="status-line">
        {state.data
          ? `${state.data.total} ${state.data.total === 1 ? 'provider' : 'providers'} found`
          : 'Searching…'}
      </p>
      {state.data && state.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Providers</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Region</th>
                <th scope="col">Postcode</th>
                <th scope="col">Charity number</th>
                <th scope="col">Services</th>
                <th scope="col">Latest assessment</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/providers/${p.id}`}>{p.name}</Link>
                    {p.archivedAt ? <span className="badge badge-muted">Archived</span> : null}
                  </th>
                  <td>{PROVIDER_TYPE_LABELS[p.type]}</td>
                  <td>{p.region ? REGION_LABELS[p.region] : '—'}</td>
                  <td>{p.postcode ?? '—'}</td>
                  <td>{p.charityNumber ?? '—'}</td>
                  <td>{p.serviceCount}</td>
                  <td>
                    {p.latestAssessment ? (
                      <>
                        {p.latestAssessment.progressPercent}% rated{' '}
                        <span className={outcomeBadgeClass(p.latestAssessment.outcome)}>
                          {outcomeLabel(p.latestAssessment.outcome)}
                        </span>
                      </>
                    ) : (
                      'None yet'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {state.data && state.data.items.length < state.data.total ? (
        <p>
          <button
            type="button"
            className="button secondary"
            onClick={() => setLimit((l) => l + PAGE_SIZE)}
          >
            Show {Math.min(PAGE_SIZE, state.data.total - state.data.items.length)} more
          </button>
        </p>
      ) : null}
    </Page>
  );
}
