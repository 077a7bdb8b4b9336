import type { providerMethods } from '../../../shared/contract/providers';
import { listAssessmentSummaries } from '../assessments/queries';
import { change, type HandlersFor } from '../context';
import { refused } from '../errors';
import { parseProviderCsv } from './csv-import';
import {
  assertIdentifiersFree,
  confirmServiceCapacity,
  insertProvider,
  insertService,
  setProviderArchived,
  setServiceArchived,
  updateProviderRow,
  updateServiceRow,
} from './mutations';
import { getProvider, getService, listProviders, listServices } from './queries';

export const providerHandlers: HandlersFor<typeof providerMethods> = {
  'providers.list': (input, ctx) => listProviders(ctx.db, input),
  'providers.get': (input, ctx) => ({
    provider: getProvider(ctx.db, input.id),
    services: listServices(ctx.db, input.id),
    assessments: listAssessmentSummaries(ctx.db, { providerId: input.id }),
  }),
  'providers.create': (input, ctx) =>
    change(ctx, (now, audit) => {
      assertIdentifiersFree(ctx.db, input);
      const id = insertProvider(ctx.db, input, now);
      audit({ action: 'provider.created', entityType: 'provider', entityId: id, detail: input });
      return getProvider(ctx.db, id);
    }),
  'providers.update': (input, ctx) =>
    change(ctx, (now, audit) => {
      const before = getProvider(ctx.db, input.id);
      assertIdentifiersFree(ctx.db, input.fields, input.id);
      updateProviderRow(ctx.db, input.id, input.fields, now);
      audit({
        action: 'provider.updated',
        entityType: 'provider',
        entityId: input.id,
        detail: { before, after: input.fields },
      });
      return getProvider(ctx.db, input.id);
    }),
  'providers.archive': (input, ctx) =>
    change(ctx, (now, audit) => {
      const before = getProvider(ctx.db, input.id);
      if ((before.archivedAt !== null) === input.archived) return before;
      setProviderArchived(ctx.db, input.id, input.archived, now);
      audit({
        action: input.archived ? 'provider.archived' : 'provider.restored',
        entityType: 'provider',
        entityId: input.id,
      });
      return getProvider(ctx.db, input.id);
    }),
  'providers.importCsv': (input, ctx) => {
    const rows = parseProviderCsv(ctx.db, input.csv, input.fileName);
    if (input.dryRun) return { imported: rows.length, dryRun: true, ids: [] };
    return change(ctx, (now, audit) => {
      const ids: string[] = [];
      rows.forEach((row, index) => {
        const id = insertProvider(ctx.db, row.fields, now);
        audit({
          action: 'provider.created',
          entityType: 'provider',
          entityId: id,
          detail: { ...row.fields, importedFrom: input.fileName, line: row.line },
        });
        ids.push(id);
        if (index % 500 === 0 || index === rows.length - 1) {
          ctx.progress({ phase: 'importing providers', done: index + 1, total: rows.length });
        }
      });
      return { imported: ids.length, dryRun: false, ids };
    });
  },
  'services.create': (input, ctx) =>
    change(ctx, (now, audit) => {
      const provider = getProvider(ctx.db, input.providerId);
      if (provider.archivedAt)
        throw refused(`${provider.name} is archived; restore it before adding services`);
      const id = insertService(ctx.db, input.providerId, input.fields, now);
      audit({
        action: 'service.created',
        entityType: 'service',
        entityId: id,
        detail: { providerId: provider.id, ...input.fields },
      });
      return getService(ctx.db, id);
    }),
  'services.update': (input, ctx) =>
    change(ctx, (now, audit) => {
      const before = getService(ctx.db, input.id);
      const fields = input.fields;
      const capacityChanged =
        before.acceptingReferrals !== fields.acceptingReferrals ||
        before.placesPerMonth !== fields.placesPerMonth ||
        before.waitingWeeks !== fields.waitingWeeks;
      updateServiceRow(ctx.db, input.id, fields, capacityChanged, now);
      audit({
        action: 'service.updated',
        entityType: 'service',
        entityId: input.id,
        detail: { before, after: fields },
      });
      return getService(ctx.db, input.id);
    }),
  'services.confirmCapacity': (input, ctx) =>
    change(ctx, (now, audit) => {
      getService(ctx.db, input.id);
      confirmServiceCapacity(ctx.db, input.id, now);
      audit({ action: 'service.capacity-confirmed', entityType: 'service', entityId: input.id });
      return getService(ctx.db, input.id);
    }),
  'services.archive': (input, ctx) =>
    change(ctx, (now, audit) => {
      const before = getService(ctx.db, input.id);
      if ((before.archivedAt !== null) === input.archived) return before;
      setServiceArchived(ctx.db, input.id, input.archived, now);
      audit({
        action: input.archived ? 'service.archived' : 'service.restored',
        entityType: 'service',
        entityId: input.id,
      });
      return getService(ctx.db, input.id);
    }),
};
