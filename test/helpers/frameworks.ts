import { readFileSync } from 'node:fs';
import type { Framework } from '../../shared/framework/schema';
import { NATIONAL_FRAMEWORK_FILE } from './paths';

/** The national framework file as plain JSON, a fresh copy each call so tests can break it. */
export function nationalFrameworkJson(): Framework {
  return JSON.parse(readFileSync(NATIONAL_FRAMEWORK_FILE, 'utf8')) as Framework;
}

export function nationalFrameworkText(): string {
  return readFileSync(NATIONAL_FRAMEWORK_FILE, 'utf8');
}

/** A copy of the national framework under a new version, with one statement reworded. */
export function revisedFramework(version: string, statementSuffix = ''): Framework {
  const framework = nationalFrameworkJson();
  framework.version = version;
  const first = framework.domains[0]?.standards[0]?.criteria[0];
  if (!first) throw new Error('the national framework has no first criterion');
  if (statementSuffix) first.statement = `${first.statement}${statementSuffix}`;
  return framework;
}

/** Criterion codes of a framework, in order, with the provider types each applies to. */
export function criterionCodes(framework: Framework): { code: string; appliesTo: string[] }[] {
  return framework.domains.flatMap((d) =>
    d.standards.flatMap((s) => s.criteria.map((c) => ({ code: c.code, appliesTo: c.appliesTo }))),
  );
}
