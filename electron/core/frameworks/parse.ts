import { createHash } from 'node:crypto';
import { frameworkSchema, type Framework } from '../../../shared/framework/schema';
import { canonicalJson } from '../../../shared/signing/canonical-json';
import { problemsFromZod, summariseProblems } from '../../../shared/validation/issues';
import { invalid } from '../errors';
import { parseJsonText } from '../json-text';

export interface ParsedFramework {
  framework: Framework;
  /** SHA-256 of the canonical JSON: the identity of the content, whatever its whitespace. */
  sha256: string;
}

/** Parses and checks a framework file; the error names the file, the field and the problem. */
export function parseFrameworkText(text: string, fileName: string): ParsedFramework {
  const json = parseJsonText(text, fileName);
  const result = frameworkSchema.safeParse(json);
  if (!result.success) {
    const problems = problemsFromZod(result.error);
    throw invalid(`${fileName}: ${summariseProblems(problems)}`, { file: fileName, problems });
  }
  return { framework: result.data, sha256: frameworkHash(result.data) };
}

export function frameworkHash(framework: Framework): string {
  return createHash('sha256').update(canonicalJson(framework)).digest('hex');
}
