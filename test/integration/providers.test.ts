import { describe, expect, it } from 'vitest';
import type { ProviderInput } from '../../shared/providers/schema';
import { failure, manualClock, openTestCore, unwrap } from '../helpers/core';
import { dumpDatabase } from '../helpers/db-dump';

const calder: ProviderInput = {
  name: 'Calder Valley Connectors',
  type: 'link-worker',
  charityNumber: '1187342',
  companyNumber: '8812345',
  region: 'yorkshire-and-the-humber',
  addressLine1: '14 Market Street',
  town: 'Hebden Bridge',
  postcode: 'hx7 6aa',
  website: 'https://calder.example.org',
  contacts: [{ name: 'Aisha Rahman', role: 'Manager', email: 'aisha@calder.example.org' }],
};

describe('providers', () => {
  it('creates a provider with its identity normalised, and records it in the audit trail', async () => {
    const core = await openTestCore();
    const provider = unwrap(await core.invoke('providers.create', calder));
    expect(provider).toMatchObject({
      name: 'Calder Valley Connectors',
      type: 'link-worker',
      charityNumber: '1187342',
      companyNumber: '08812345',
      region: 'yorkshire-and-the-humber',
      postcode: 'HX7 6AA',
      archivedAt: null,
      contacts: [
        { name: 'Aisha Rahman', role: 'Manager', email: 'aisha@calder.example.org', phone: null },
      ],
    });
    expect(provider.id).toMatch(/^prv_[0-9A-Z]{12}$/);
    expect(unwrap(await core.invoke('providers.get', { id: provider.id })).provider).toEqual(
      provider,
    );

    const audit = unwrap(await core.invoke('audit.list', { entityId: provider.id, limit: 10 }));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'provider.created',
      entityType: 'provider',
      actor: 'tester',
    });
  });

  it('accepts a provider with neither a charity nor a company number', async () => {
    const core = await openTestCore();
    const provider = unwrap(
      await core.invoke('providers.create', { name: 'Friends of Heaton Park', type: 'activity' }),
    );
    expect(provider).toMatchObject({ charityNumber: null, companyNumber: null, region: null });
  });

  it('edits a provider and records what it was before', async () => {
    const core = await openTestCore();
    const created = unwrap(await core.invoke('providers.create', calder));
    const updated = unwrap(
      await core.invoke('providers.update', {
        id: created.id,
        fields: { ...calder, name: 'Calder Connectors', type: 'both', region: 'north-west' },
      }),
    );
    expect(updated).toMatchObject({ id: created.id, name: 'Calder Connectors', type: 'both' });
    expect(updated.region).toBe('north-west');
    const [latest] = unwrap(await core.invoke('audit.list', { entityId: created.id, limit: 1 }));
    expect(latest?.action).toBe('provider.updated');
    expect(latest?.detail).toMatchObject({
      before: { name: 'Calder Valley Connectors' },
      after: { name: 'Calder Connectors' },
    });
  });

  it('archives a provider out of the list and restores it, each recorded once', async () => {
    const core = await openTestCore();
    const { id } = unwrap(await core.invoke('providers.create', calder));
    const archived = unwrap(await core.invoke('providers.archive', { id, archived: true }));
    expect(archived.archivedAt).not.toBeNull();
    expect(unwrap(await core.invoke('providers.list', {})).total).toBe(0);
    expect(unwrap(await core.invoke('providers.list', { includeArchived: true })).total).toBe(1);

    // Archiving again changes nothing and records nothing.
    unwrap(await core.invoke('providers.archive', { id, archived: true }));
    const restored = unwrap(await core.invoke('providers.archive', { id, archived: false }));
    expect(restored.archivedAt).toBeNull();
    const actions = unwrap(await core.invoke('audit.list', { entityId: id, limit: 10 })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['provider.restored', 'provider.archived', 'provider.created']);
  });

  it('finds providers by name, charity number and postcode', async () => {
    const core = await openTestCore();
    unwrap(await core.invoke('providers.create', calder));
    unwrap(
      await core.invoke('providers.create', {
        name: 'Café Connect',
        type: 'activity',
        postcode: 'M25 2SW',
      }),
    );
    const names = async (query: string) =>
      unwrap(await core.invoke('providers.list', { query })).items.map((p) => p.name);
    expect(await names('cafe')).toEqual(['Café Connect']);
    expect(await names('1187342')).toEqual(['Calder Valley Connectors']);
    expect(await names('m25')).toEqual(['Café Connect']);
    expect(await names('nobody')).toEqual([]);
  });

  it('refuses a charity number another provider holds, naming it, and changes nothing', async () => {
    const core = await openTestCore();
    const holder = unwrap(await core.invoke('providers.create', calder));
    const before = dumpDatabase(core.context.db);
    const error = failure(
      await core.invoke('providers.create', {
        name: 'Copycat Trust',
        type: 'activity',
        charityNumber: ' 1187342 ',
      }),
      'conflict',
    );
    expect(error.message).toBe(
      `charity number 1187342 already belongs to Calder Valley Connectors (${holder.id})`,
    );
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('refuses an edit that takes another provider’s company number, and changes nothing', async () => {
    const core = await openTestCore();
    unwrap(await core.invoke('providers.create', calder));
    const other = unwrap(
      await core.invoke('providers.create', { name: 'Other Org', type: 'activity' }),
    );
    const before = dumpDatabase(core.context.db);
    const error = failure(
      await core.invoke('providers.update', {
        id: other.id,
        fields: { name: 'Other Org', type: 'activity', companyNumber: '08812345' },
      }),
      'conflict',
    );
    expect(error.message).toMatch(/^company number 08812345 already belongs to Calder/);
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });

  it('refuses invalid fields with the field and problem named, and changes nothing', async () => {
    const core = await openTestCore();
    const before = dumpDatabase(core.context.db);
    const cases: [ProviderInput, string][] = [
      [{ ...calder, postcode: 'LS1' }, 'postcode: "LS1" is not a UK postcode'],
      [{ ...calder, charityNumber: '12' }, 'charityNumber: not a charity number'],
      [{ ...calder, type: 'gp' as never }, 'type: type must be one of link-worker, activity, both'],
      [{ ...calder, region: 'mars' as never }, 'region: region must be one of north-east'],
      [{ ...calder, name: ' ' }, 'name: a name needs at least 2 characters'],
    ];
    for (const [input, message] of cases) {
      const error = failure(await core.invoke('providers.create', input), 'invalid_input');
      expect(error.message).toContain(message);
    }
    failure(await core.invoke('providers.update', { id: 'prv_NOPE', fields: calder }), 'not_found');
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });
});

describe('services', () => {
  const service = {
    name: 'Walled garden sessions',
    category: 'nature-and-gardening',
    description: null,
    referralRoute: 'any-agency',
    selfReferral: true,
    acceptingReferrals: true,
    placesPerMonth: 20,
    waitingWeeks: 2,
  } as const;

  it('dates capacity confirmation when created, and again only when capacity changes', async () => {
    const clock = manualClock('2025-01-10T09:00:00.000Z');
    const core = await openTestCore({ clock });
    const provider = unwrap(
      await core.invoke('providers.create', { name: 'Grow Together', type: 'activity' }),
    );
    const created = unwrap(
      await core.invoke('services.create', { providerId: provider.id, fields: service }),
    );
    expect(created).toMatchObject({ capacityConfirmedOn: '2025-01-10', providerId: provider.id });

    clock.set('2025-02-01T09:00:00.000Z');
    const renamed = unwrap(
      await core.invoke('services.update', {
        id: created.id,
        fields: { ...service, name: 'Garden sessions', description: 'Tuesdays and Thursdays' },
      }),
    );
    expect(renamed).toMatchObject({ name: 'Garden sessions', capacityConfirmedOn: '2025-01-10' });

    clock.set('2025-03-01T09:00:00.000Z');
    const fuller = unwrap(
      await core.invoke('services.update', {
        id: created.id,
        fields: { ...service, placesPerMonth: 12 },
      }),
    );
    expect(fuller).toMatchObject({ placesPerMonth: 12, capacityConfirmedOn: '2025-03-01' });

    clock.set('2025-04-01T09:00:00.000Z');
    const closed = unwrap(
      await core.invoke('services.update', {
        id: created.id,
        fields: { ...service, placesPerMonth: 12, acceptingReferrals: false },
      }),
    );
    expect(closed).toMatchObject({ acceptingReferrals: false, capacityConfirmedOn: '2025-04-01' });

    clock.set('2025-05-01T09:00:00.000Z');
    const confirmed = unwrap(await core.invoke('services.confirmCapacity', { id: created.id }));
    expect(confirmed.capacityConfirmedOn).toBe('2025-05-01');

    const actions = unwrap(await core.invoke('audit.list', { entityId: created.id, limit: 10 }))
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'service.created',
      'service.updated',
      'service.updated',
      'service.updated',
      'service.capacity-confirmed',
    ]);
  });

  it('lists a provider’s services and counts them in the provider list', async () => {
    const core = await openTestCore();
    const provider = unwrap(
      await core.invoke('providers.create', { name: 'Grow Together', type: 'activity' }),
    );
    unwrap(await core.invoke('services.create', { providerId: provider.id, fields: service }));
    const detail = unwrap(await core.invoke('providers.get', { id: provider.id }));
    expect(detail.services.map((s) => s.name)).toEqual(['Walled garden sessions']);
    expect(unwrap(await core.invoke('providers.list', {})).items[0]?.serviceCount).toBe(1);
  });

  it('refuses a service for an archived provider or with a bad category, and changes nothing', async () => {
    const core = await openTestCore();
    const provider = unwrap(
      await core.invoke('providers.create', { name: 'Grow Together', type: 'activity' }),
    );
    unwrap(await core.invoke('providers.archive', { id: provider.id, archived: true }));
    const before = dumpDatabase(core.context.db);
    const archived = failure(
      await core.invoke('services.create', { providerId: provider.id, fields: service }),
      'refused',
    );
    expect(archived.message).toContain('is archived');
    const badCategory = failure(
      await core.invoke('services.create', {
        providerId: provider.id,
        fields: { ...service, category: 'karaoke' },
      }),
      'invalid_input',
    );
    expect(badCategory.message).toContain('category must be one of');
    expect(dumpDatabase(core.context.db)).toEqual(before);
  });
});
