import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import { PROVIDER_TYPE_LABELS, REGION_LABELS } from '../../../shared/providers/vocabulary';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { LoadProblem } from '../../components/Loaded';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';
import { ProviderFilters, type Filters } from './ProviderFilters';
import { ProviderLinks } from './ProviderLinks';

const PAGE_SIZE = 100;

/** Every provider, searched and filtered as you type, a page of them at a time. */
export function ProvidersPage() {
  const [filters, setFilters] = useState<Filters>({
    query: '',
    region: '',
    type: '',
    includeArchived: false,
  });
  const [debounced, setDebounced] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const { query, region, type, includeArchived } = filters;

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
    <Page title="Providers" actions={<ProviderLinks importLabel="Import from CSV" />}>
      <ProviderFilters
        filters={filters}
        onChange={(next) => {
          // A new search starts from its first page.
          if (next.query !== query) setLimit(PAGE_SIZE);
          setFilters(next);
        }}
      />
      <LoadProblem state={state} />
      <p role="status" className="status-line">
        {state.data ? `${plural(state.data.total, 'provider', 'providers')} found` : 'Searching…'}
      </p>
      {state.data && state.data.items.length > 0 ? <ProviderList list={state.data} /> : null}
      {state.data && state.data.items.length < state.data.total ? (
        <p>
          <button
            type="button"
            className="button secondary"
            onClick={() => setLimit((shown) => shown + PAGE_SIZE)}
          >
            Show {Math.min(PAGE_SIZE, state.data.total - state.data.items.length)} more
          </button>
        </p>
      ) : null}
    </Page>
  );
}

function ProviderList({ list }: { list: MethodOutput<'providers.list'> }) {
  return (
    <Table
      caption="Providers"
      hideCaption
      headings={[
        'Name',
        'Type',
        'Region',
        'Postcode',
        'Charity number',
        'Services',
        'Latest assessment',
      ]}
    >
      {list.items.map((provider) => (
        <tr key={provider.id}>
          <th scope="row">
            <Link to={`/providers/${provider.id}`}>{provider.name}</Link>
            {provider.archivedAt ? <span className="badge badge-muted">Archived</span> : null}
          </th>
          <td>{PROVIDER_TYPE_LABELS[provider.type]}</td>
          <td>{provider.region ? REGION_LABELS[provider.region] : '—'}</td>
          <td>{provider.postcode ?? '—'}</td>
          <td>{provider.charityNumber ?? '—'}</td>
          <td>{provider.serviceCount}</td>
          <td>
            {provider.latestAssessment ? (
              <>
                {provider.latestAssessment.progressPercent}% rated{' '}
                <OutcomeBadge outcome={provider.latestAssessment.outcome} />
              </>
            ) : (
              'None yet'
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
