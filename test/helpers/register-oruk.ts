import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { REPO_ROOT } from './paths';

/** The Open Referral UK schemas copied verbatim into ../shared/schemas/oruk (see its SOURCES.md). */
export const ORUK_SCHEMAS = join(REPO_ROOT, '..', 'shared', 'schemas', 'oruk');
const VALIDATOR = join(ORUK_SCHEMAS, 'oruk-validator-schemas', 'V3.0-UK');
const PROFILE = join(ORUK_SCHEMAS, 'uk-profile', 'schema');

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

export interface OrukValidators {
  organization: ValidateFunction;
  service: ValidateFunction;
  location: ValidateFunction;
  taxonomy: ValidateFunction;
  serviceList: ValidateFunction;
  taxonomyList: ValidateFunction;
}

/**
 * Validators for what the ORUK validator checks: organization, service and taxonomy records (the
 * validator's own nested schemas), list pages, and locations (the UK profile's location schema,
 * whose references to address, accessibility and attribute are resolved from beside it). The
 * schemas carry keywords of their own, so Ajv runs without strict mode, as SOURCES.md says.
 */
export function orukValidators(): OrukValidators {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const base = 'https://schemas.spqa.invalid/oruk/uk-profile/';
  for (const name of ['address', 'accessibility', 'attribute', 'taxonomy_term', 'taxonomy'])
    ajv.addSchema({ ...read(join(PROFILE, `${name}.json`)), $id: `${base}${name}.json` });
  return {
    organization: ajv.compile(read(join(VALIDATOR, 'organization.json'))),
    service: ajv.compile(read(join(VALIDATOR, 'service.json'))),
    location: ajv.compile({ ...read(join(PROFILE, 'location.json')), $id: `${base}location.json` }),
    taxonomy: ajv.compile(read(join(VALIDATOR, 'taxonomy.json'))),
    serviceList: ajv.compile(read(join(VALIDATOR, 'service_list.json'))),
    taxonomyList: ajv.compile(read(join(VALIDATOR, 'taxonomy_list.json'))),
  };
}

/** Fails with Ajv's errors (and the record's id) when a record does not validate. */
export function expectValid(validate: ValidateFunction, value: unknown, what: string): void {
  if (!validate(value)) {
    throw new Error(`${what} does not validate: ${JSON.stringify(validate.errors, null, 2)}`);
  }
}
