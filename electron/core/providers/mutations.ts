import type { Database } from 'better-sqlite3';
import type { ProviderFields } from '../../../shared/providers/schema';
import type { serviceInputSchema } from '../../../shared/providers/schema';
import type { z } from 'zod';
import { conflict } from '../errors';
import { newId } from '../ids';
import { findByIdentifier } from './queries';
import { nameKey } from './rows';

type ServiceFields = z.output<typeof serviceInputSchema>;

function providerParams(fields: ProviderFields) {
  return {
    name: fields.name,
    name_key: nameKey(fields.name),
    type: fields.type,
    charity_number: fields.charityNumber,
    company_number: fields.companyNumber,
    region: fields.region,
    address_line1: fields.addressLine1,
    address_line2: fields.addressLine2,
    town: fields.town,
    postcode: fields.postcode,
    website: fields.website,
    description: fields.description,
    contacts: JSON.stringify(fields.contacts),
  };
}

/** Refuses a charity or company number that another provider already holds, naming that provider. */
export function assertIdentifiersFree(
  db: Database,
  fields: ProviderFields,
  exceptId?: string,
): void {
  const checks = [
    ['charity_number', fields.charityNumber, 'charity number'],
    ['company_number', fields.companyNumber, 'company number'],
  ] as const;
  for (const [column, value, label] of checks) {
    if (!value) continue;
    const holder = findByIdentifier(db, column, value);
    if (holder && holder.id !== exceptId) {
      throw conflict(`${label} ${value} already belongs to ${holder.name} (${holder.id})`, {
        field: column,
        providerId: holder.id,
      });
    }
  }
}

export function insertProvider(db: Database, fields: ProviderFields, now: string): string {
  const id = newId('prv');
  db.prepare(
    `INSERT INTO providers (id, name, name_key, type, charity_number, company_number, region, address_line1,
       address_line2, town, postcode, website, description, contacts, archived_at, created_at, updated_at)
     VALUES (@id, @name, @name_key, @type, @charity_number, @company_number, @region, @address_line1,
       @address_line2, @town, @postcode, @website, @description, @contacts, NULL, @now, @now)`,
  ).run({ id, now, ...providerParams(fields) });
  return id;
}

export function updateProviderRow(
  db: Database,
  id: string,
  fields: ProviderFields,
  now: string,
): void {
  db.prepare(
    `UPDATE providers SET name = @name, name_key = @name_key, type = @type, charity_number = @charity_number,
       company_number = @company_number, region = @region, address_line1 = @address_line1,
       address_line2 = @address_line2, town = @town, postcode = @postcode, website = @website,
       description = @description, contacts = @contacts, updated_at = @now
     WHERE id = @id`,
  ).run({ id, now, ...providerParams(fields) });
}

export function setProviderArchived(
  db: Database,
  id: string,
  archived: boolean,
  now: string,
): void {
  db.prepare(
    'UPDATE providers SET archived_at = @archivedAt, updated_at = @now WHERE id = @id',
  ).run({
    id,
    now,
    archivedAt: archived ? now : null,
  });
}

function serviceParams(fields: ServiceFields) {
  return {
    name: fields.name,
    category: fields.category,
    description: fields.description,
    referral_route: fields.referralRoute,
    self_referral: fields.selfReferral ? 1 : 0,
    accepting_referrals: fields.acceptingReferrals ? 1 : 0,
    places_per_month: fields.placesPerMonth,
    waiting_weeks: fields.waitingWeeks,
  };
}

export function insertService(
  db: Database,
  providerId: string,
  fields: ServiceFields,
  now: string,
): string {
  const id = newId('svc');
  db.prepare(
    `INSERT INTO services (id, provider_id, name, category, description, referral_route, self_referral,
       accepting_referrals, places_per_month, waiting_weeks, capacity_confirmed_on, archived_at, created_at, updated_at)
     VALUES (@id, @provider_id, @name, @category, @description, @referral_route, @self_referral,
       @accepting_referrals, @places_per_month, @waiting_weeks, @today, NULL, @now, @now)`,
  ).run({ id, provider_id: providerId, now, today: now.slice(0, 10), ...serviceParams(fields) });
  return id;
}

/** Updates a service; a change to its capacity counts as confirming the capacity today. */
export function updateServiceRow(
  db: Database,
  id: string,
  fields: ServiceFields,
  capacityChanged: boolean,
  now: string,
): void {
  db.prepare(
    `UPDATE services SET name = @name, category = @category, description = @description,
       referral_route = @referral_route, self_referral = @self_referral, accepting_referrals = @accepting_referrals,
       places_per_month = @places_per_month, waiting_weeks = @waiting_weeks,
       capacity_confirmed_on = CASE WHEN @capacity_changed = 1 THEN @today ELSE capacity_confirmed_on END,
       updated_at = @now
     WHERE id = @id`,
  ).run({
    id,
    now,
    today: now.slice(0, 10),
    capacity_changed: capacityChanged ? 1 : 0,
    ...serviceParams(fields),
  });
}

export function confirmServiceCapacity(db: Database, id: string, now: string): void {
  db.prepare('UPDATE services SET capacity_confirmed_on = ?, updated_at = ? WHERE id = ?').run(
    now.slice(0, 10),
    now,
    id,
  );
}

export function setServiceArchived(db: Database, id: string, archived: boolean, now: string): void {
  db.prepare('UPDATE services SET archived_at = @archivedAt, updated_at = @now WHERE id = @id').run(
    {
      id,
      now,
      archivedAt: archived ? now : null,
    },
  );
}
