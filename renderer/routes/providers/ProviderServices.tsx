import { useState } from 'react';
import type { Provider, Service } from '../../../shared/providers/schema';
import {
  REFERRAL_ROUTE_LABELS,
  SERVICE_CATEGORY_LABELS,
} from '../../../shared/providers/vocabulary';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { formatDate } from '../../components/labels';
import type { Act } from './ProviderPage';
import { ServiceForm } from './ServiceForm';

/** The provider's services and activities, each editable in place, and the form to add one. */
export function ProviderServices({
  provider,
  services,
  act,
  onSaved,
}: {
  provider: Provider;
  services: Service[];
  act: Act;
  /** A service was added or changed; the text says which, for the status line. */
  onSaved: (message: string) => void;
}) {
  // The service whose form is open ('new' for the add form), if any.
  const [editing, setEditing] = useState<string | null>(null);
  const saved = (message: string) => {
    setEditing(null);
    onSaved(message);
  };
  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading">Services and activities</h2>
      {services.length === 0 ? <p>No services recorded yet.</p> : null}
      {services.map((service) =>
        editing === service.id ? (
          <ServiceForm
            key={service.id}
            providerId={provider.id}
            service={service}
            onCancel={() => setEditing(null)}
            onSaved={() => saved(`${service.name} saved.`)}
          />
        ) : (
          <ServiceCard
            key={service.id}
            service={service}
            act={act}
            onEdit={() => setEditing(service.id)}
          />
        ),
      )}
      {editing === 'new' ? (
        <ServiceForm
          providerId={provider.id}
          onCancel={() => setEditing(null)}
          onSaved={() => saved('Service added.')}
        />
      ) : !provider.archivedAt ? (
        <button
          type="button"
          id="add-service"
          className="button secondary"
          onClick={() => setEditing('new')}
        >
          Add a service or activity
        </button>
      ) : null}
    </section>
  );
}

function ServiceCard({ service, act, onEdit }: { service: Service; act: Act; onEdit: () => void }) {
  return (
    <article className="panel service" aria-labelledby={`service-${service.id}`}>
      <h3 id={`service-${service.id}`}>
        {service.name}{' '}
        {service.archivedAt ? <span className="badge badge-muted">Archived</span> : null}
      </h3>
      <p className="muted">{SERVICE_CATEGORY_LABELS[service.category]}</p>
      {service.description ? <p>{service.description}</p> : null}
      <dl className="summary-list compact">
        <dt>Who can refer</dt>
        <dd>
          {REFERRAL_ROUTE_LABELS[service.referralRoute]}
          {service.selfReferral ? '; self-referral accepted' : '; no self-referral'}
        </dd>
        <dt>Capacity</dt>
        <dd>
          {service.acceptingReferrals ? 'Accepting referrals' : 'Not accepting referrals'}
          {service.placesPerMonth !== null ? `, ${service.placesPerMonth} places a month` : ''}
          {service.waitingWeeks !== null
            ? `, waiting time ${plural(service.waitingWeeks, 'week', 'weeks')}`
            : ''}
        </dd>
        <dt>Capacity last confirmed</dt>
        <dd>{formatDate(service.capacityConfirmedOn)}</dd>
      </dl>
      <div className="button-row">
        <button type="button" className="button secondary small" onClick={onEdit}>
          Edit <span className="visually-hidden">{service.name}</span>
        </button>
        <button
          type="button"
          className="button secondary small"
          onClick={() =>
            void act(
              () => invoke('services.confirmCapacity', { id: service.id }),
              `Capacity of ${service.name} confirmed as current.`,
            )
          }
        >
          Confirm capacity is current <span className="visually-hidden">for {service.name}</span>
        </button>
        <button
          type="button"
          className="button link small"
          onClick={() =>
            void act(
              () => invoke('services.archive', { id: service.id, archived: !service.archivedAt }),
              `${service.name} ${service.archivedAt ? 'restored' : 'archived'}.`,
            )
          }
        >
          {service.archivedAt ? 'Restore' : 'Archive'}{' '}
          <span className="visually-hidden">{service.name}</span>
        </button>
      </div>
    </article>
  );
}
