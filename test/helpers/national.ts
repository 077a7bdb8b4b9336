import type { Criterion } from '../../shared/framework/schema';
import type { ProviderType } from '../../shared/providers/vocabulary';
import { criterionAppliesTo } from '../../shared/framework/traverse';
import { nationalFrameworkJson } from './frameworks';

const national = nationalFrameworkJson();
const all: Criterion[] = national.domains.flatMap((d) => d.standards.flatMap((s) => s.criteria));

/**
 * Codes of national framework criteria, chosen by what they are rather than written out, so the
 * tests keep working if the framework's wording or numbering is revised.
 */
export function nationalCodes(where: {
  appliesTo?: ProviderType;
  notFor?: ProviderType;
  level?: Criterion['level'];
}): string[] {
  return all
    .filter(
      (c) =>
        (where.appliesTo === undefined || criterionAppliesTo(c, where.appliesTo)) &&
        (where.notFor === undefined || !criterionAppliesTo(c, where.notFor)) &&
        (where.level === undefined || c.level === where.level),
    )
    .map((c) => c.code);
}

/** The first code matching, failing loudly if the framework has none. */
export function nationalCode(where: Parameters<typeof nationalCodes>[0], index = 0): string {
  const code = nationalCodes(where)[index];
  if (!code)
    throw new Error(`the national framework has no criterion like ${JSON.stringify(where)}`);
  return code;
}

export const NATIONAL_ID = national.id;
export const NATIONAL_VERSION = national.version;
