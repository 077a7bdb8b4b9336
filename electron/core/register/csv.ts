import { CERTIFICATE_STATUS_LABELS } from '../../../shared/accreditation/vocabulary';
import type { FileOpener, FileWriter, WrittenFile } from './staging';
import { PUBLICATION_FILES, type RegisterEntry } from '../../../shared/register/schema';

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a leading tab or carriage return
 * that some programs strip first) gets a leading apostrophe, so it is shown as the text it is.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: a cell holding a quote, comma or line break is quoted, its quotes doubled. */
export function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const yesNo = (v: boolean) => (v ? 'yes' : 'no');
const listOf = (values: (string | number | null)[]) =>
  values.map((v) => (v === null ? '' : String(v))).join('; ');

/** The columns, in order; lists about services follow the order of the `services` column. */
export const CSV_COLUMNS: readonly [string, (e: RegisterEntry) => string][] = [
  ['certificate_number', (e) => e.certificateNumber],
  ['status', (e) => e.status],
  ['status_in_words', (e) => CERTIFICATE_STATUS_LABELS[e.status]],
  ['status_since', (e) => e.statusDate ?? ''],
  ['outcome', (e) => e.outcome],
  ['conditions_due', (e) => e.conditionsDue ?? ''],
  ['decided_on', (e) => e.decidedOn],
  ['issued_on', (e) => e.issuedOn],
  ['expires_on', (e) => e.expiresOn],
  ['supersedes', (e) => e.supersedes ?? ''],
  ['superseded_by', (e) => e.supersededBy ?? ''],
  ['holder_name', (e) => e.holder.name],
  ['provider_type', (e) => e.holder.type],
  ['charity_number', (e) => e.holder.charityNumber ?? ''],
  ['company_number', (e) => e.holder.companyNumber ?? ''],
  ['region', (e) => e.holder.region ?? ''],
  ['address_line1', (e) => e.holder.addressLine1 ?? ''],
  ['address_line2', (e) => e.holder.addressLine2 ?? ''],
  ['town', (e) => e.holder.town ?? ''],
  ['postcode', (e) => e.holder.postcode ?? ''],
  ['website', (e) => e.holder.website ?? ''],
  ['services', (e) => listOf(e.services.map((s) => s.name))],
  ['service_categories', (e) => listOf(e.services.map((s) => s.category))],
  ['referral_routes', (e) => listOf(e.services.map((s) => s.referralRoute))],
  ['self_referral', (e) => listOf(e.services.map((s) => yesNo(s.selfReferral)))],
  ['accepting_referrals', (e) => listOf(e.services.map((s) => yesNo(s.acceptingReferrals)))],
  ['waiting_weeks', (e) => listOf(e.services.map((s) => s.waitingWeeks))],
  ['places_per_month', (e) => listOf(e.services.map((s) => s.placesPerMonth))],
  ['capacity_confirmed_on', (e) => listOf(e.services.map((s) => s.capacityConfirmedOn))],
  ['domains', (e) => listOf(e.domains.map((d) => d.code))],
  ['framework_id', (e) => e.framework.id],
  ['framework_version', (e) => e.framework.version],
  ['issuer', (e) => e.issuer.name],
];

/**
 * register.csv: one row per certificate, CRLF line ends (RFC 4180), UTF-8 with a byte order mark
 * so spreadsheet programs read names such as "Cymdeithas Gŵyl Ŷd" correctly.
 */
export class CsvWriter {
  private readonly out: FileWriter;

  constructor(staging: FileOpener) {
    this.out = staging.file(PUBLICATION_FILES.csv);
    this.out.write(`\uFEFF${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`);
  }

  add(entries: readonly RegisterEntry[]): void {
    for (const e of entries)
      this.out.write(`${CSV_COLUMNS.map(([, cell]) => csvCell(cell(e))).join(',')}\r\n`);
  }

  finish(): WrittenFile[] {
    return [this.out.close()];
  }
}
