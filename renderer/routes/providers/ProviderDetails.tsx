import type { Provider } from '../../../shared/providers/schema';
import { PROVIDER_TYPE_LABELS, REGION_LABELS } from '../../../shared/providers/vocabulary';

/** Who the provider is: type, legal numbers, where it is, its website and its contacts. */
export function ProviderDetails({ provider }: { provider: Provider }) {
  const address = [provider.addressLine1, provider.addressLine2, provider.town, provider.postcode];
  return (
    <section aria-labelledby="details-heading" className="panel">
      <h2 id="details-heading">Details</h2>
      <dl className="summary-list">
        <dt>Type</dt>
        <dd>{PROVIDER_TYPE_LABELS[provider.type]}</dd>
        <dt>Charity number</dt>
        <dd>{provider.charityNumber ?? 'Not a registered charity'}</dd>
        <dt>Company number</dt>
        <dd>{provider.companyNumber ?? 'Not a company'}</dd>
        <dt>Region</dt>
        <dd>{provider.region ? REGION_LABELS[provider.region] : 'Not given'}</dd>
        <dt>Address</dt>
        <dd>{address.filter(Boolean).join(', ') || 'Not given'}</dd>
        <dt>Website</dt>
        <dd>
          {provider.website ? (
            <a href={provider.website} target="_blank" rel="noreferrer noopener">
              {provider.website}
            </a>
          ) : (
            'Not given'
          )}
        </dd>
        <dt>Contacts</dt>
        <dd>
          {provider.contacts.length === 0
            ? 'None recorded'
            : provider.contacts.map((contact) => (
                <div key={`${contact.name}${contact.email ?? ''}`}>
                  {contact.name}
                  {contact.role ? `, ${contact.role}` : ''}
                  {contact.email ? ` · ${contact.email}` : ''}
                  {contact.phone ? ` · ${contact.phone}` : ''}
                </div>
              ))}
        </dd>
      </dl>
      {provider.description ? <p>{provider.description}</p> : null}
    </section>
  );
}
