import type { Database } from 'better-sqlite3';
import type { CsvProblem } from '../../../shared/contract/providers';
import { providerInputSchema, type ProviderFields } from '../../../shared/providers/schema';
import {
  PROVIDER_TYPES,
  PROVIDER_TYPE_LABELS,
  REGIONS,
  REGION_LABELS,
  matchVocabulary,
} from '../../../shared/providers/vocabulary';
import { csvFault, readCsv } from '../csv/read';
import { findByIdentifier } from './queries';

export const PROVIDER_CSV_COLUMNS = {
  required: ['name', 'type', 'region', 'postcode', 'charity_number', 'company_number'],
  optional: [
    'address_line1',
    'address_line2',
    'town',
    'website',
    'description',
    'contact_name',
    'contact_role',
    'contact_email',
    'contact_phone',
  ],
} as const;

const FIELD_TO_COLUMN: Record<string, string> = {
  name: 'name',
  type: 'type',
  region: 'region',
  postcode: 'postcode',
  charityNumber: 'charity_number',
  companyNumber: 'company_number',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  town: 'town',
  website: 'website',
  description: 'description',
};
const CONTACT_TO_COLUMN: Record<string, string> = {
  name: 'contact_name',
  role: 'contact_role',
  email: 'contact_email',
  phone: 'contact_phone',
};

export interface ParsedProviderRow {
  line: number;
  fields: ProviderFields;
}

/**
 * Checks every row of a provider CSV before anything is written: each value against the same
 * rules as `provider add`, and charity and company numbers against each other and the database.
 * Any problem anywhere refuses the whole file, listing every problem by line and column.
 */
export function parseProviderCsv(
  db: Database,
  text: string,
  fileName: string,
): ParsedProviderRow[] {
  const rows = readCsv(text, fileName, PROVIDER_CSV_COLUMNS);
  const problems: CsvProblem[] = [];
  const parsed: ParsedProviderRow[] = [];
  const seenIdentifiers = new Map<string, number>();

  for (const { line, values } of rows) {
    const value = (column: string) => values[column] ?? '';
    const type = matchVocabulary(PROVIDER_TYPES, PROVIDER_TYPE_LABELS, value('type'));
    const region =
      value('region') === '' ? null : matchVocabulary(REGIONS, REGION_LABELS, value('region'));
    const contactName = value('contact_name');
    const candidate = {
      name: value('name'),
      type: type ?? value('type'),
      region: region === undefined ? value('region') : region,
      postcode: value('postcode'),
      charityNumber: value('charity_number'),
      companyNumber: value('company_number'),
      addressLine1: value('address_line1'),
      addressLine2: value('address_line2'),
      town: value('town'),
      website: value('website'),
      description: value('description'),
      contacts:
        contactName || value('contact_email') || value('contact_phone')
          ? [
              {
                name: contactName,
                role: value('contact_role'),
                email: value('contact_email'),
                phone: value('contact_phone'),
              },
            ]
          : [],
    };
    const result = providerInputSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [head, , leaf] = issue.path;
        const column =
          head === 'contacts'
            ? (CONTACT_TO_COLUMN[String(leaf)] ?? 'contact_name')
            : (FIELD_TO_COLUMN[String(head)] ?? String(head));
        problems.push({ line, column, message: issue.message });
      }
      continue;
    }
    const fields = result.data;
    for (const [column, value] of [
      ['charity_number', fields.charityNumber],
      ['company_number', fields.companyNumber],
    ] as const) {
      if (!value) continue;
      const key = `${column}:${value}`;
      const earlier = seenIdentifiers.get(key);
      if (earlier !== undefined) {
        problems.push({ line, column, message: `${value} is also on line ${earlier}` });
        continue;
      }
      seenIdentifiers.set(key, line);
      const holder = findByIdentifier(db, column, value);
      if (holder)
        problems.push({
          line,
          column,
          message: `${value} already belongs to ${holder.name} (${holder.id})`,
        });
    }
    parsed.push({ line, fields });
  }
  if (rows.length === 0)
    problems.push({ line: 2, column: '', message: 'the file has a header but no rows' });
  if (problems.length > 0) throw csvFault(fileName, problems);
  return parsed;
}
