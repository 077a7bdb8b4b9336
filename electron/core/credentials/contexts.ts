import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentLoader } from 'jsonld';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** Every context SPQA's credentials may name, and the bundled file that holds it. */
const CONTEXT_FILES: Record<string, string> = {
  [VC_CONTEXT]: 'credentials-v2.jsonld',
  [OB_CONTEXT]: 'ob-v3p0-context-3.0.3.json',
};

/** A context the loader does not hold; the message names it, so a verifier can say which. */
export class UnknownContextError extends Error {
  constructor(readonly url: string) {
    super(`unknown context ${url}: only ${Object.keys(CONTEXT_FILES).join(' and ')} are accepted`);
    this.name = 'UnknownContextError';
  }
}

export const isKnownContext = (url: unknown): boolean =>
  typeof url === 'string' && Object.hasOwn(CONTEXT_FILES, url);

const loaded = new Map<string, unknown>();

/**
 * A JSON-LD document loader that never reaches the network: the bundled contexts in
 * resources/credentials/contexts, and a refusal naming anything else.
 */
export function offlineDocumentLoader(resourcesDir: string): DocumentLoader {
  return (url) => {
    const file = Object.hasOwn(CONTEXT_FILES, url) ? CONTEXT_FILES[url] : undefined;
    if (file === undefined) return Promise.reject(new UnknownContextError(url));
    const path = join(resourcesDir, 'credentials', 'contexts', file);
    let document = loaded.get(path);
    if (document === undefined) {
      document = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      loaded.set(path, document);
    }
    return Promise.resolve({ contextUrl: null, documentUrl: url, document });
  };
}
