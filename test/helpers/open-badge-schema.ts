import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { OBV3_DIR } from './paths';

/** The Open Badges 3.0 AchievementCredential schema (JSON Schema 2019-09), as 1EdTech publishes it. */
const SCHEMA_FILE = join(
  OBV3_DIR,
  'openbadges-specification',
  'gh-pages',
  'docs',
  'schema',
  'achievementcredential.json',
);

/**
 * A validator for that schema, reporting every problem it finds. The schema uses keywords of its
 * own, so Ajv runs without strict mode, as its sources say.
 */
export function openBadgeValidator(): ValidateFunction {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
}
