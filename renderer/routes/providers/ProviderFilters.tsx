import {
  PROVIDER_TYPES,
  PROVIDER_TYPE_LABELS,
  REGIONS,
  REGION_LABELS,
  type ProviderType,
  type Region,
} from '../../../shared/providers/vocabulary';

export interface Filters {
  query: string;
  region: Region | '';
  type: ProviderType | '';
  includeArchived: boolean;
}

/** The search box and filters above the list of providers; the list follows as they change. */
export function ProviderFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
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
          value={filters.query}
          aria-describedby="provider-search-hint"
          onChange={(e) => set('query', e.target.value)}
        />
      </div>
      <Filter
        id="provider-region"
        label="Region"
        all="All regions"
        value={filters.region}
        options={REGIONS}
        labels={REGION_LABELS}
        onChange={(region) => set('region', region)}
      />
      <Filter
        id="provider-type"
        label="Type"
        all="All types"
        value={filters.type}
        options={PROVIDER_TYPES}
        labels={PROVIDER_TYPE_LABELS}
        onChange={(type) => set('type', type)}
      />
      <div className="field checkbox">
        <input
          id="provider-archived"
          type="checkbox"
          checked={filters.includeArchived}
          onChange={(e) => set('includeArchived', e.target.checked)}
        />
        <label htmlFor="provider-archived">Include archived</label>
      </div>
    </form>
  );
}

/** One drop-down filter, whose first choice (`all`) filters nothing out. */
function Filter<T extends string>({
  id,
  label,
  all,
  value,
  options,
  labels,
  onChange,
}: {
  id: string;
  label: string;
  all: string;
  value: T | '';
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T | '') => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value as T | '')}
      >
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
