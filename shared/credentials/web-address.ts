import { z } from 'zod';

/**
 * Where the register is published on the web, as `spqa register configure --base-url` records
 * it: an https address with no query, fragment or credentials, each path segment plain
 * characters. The publication folder is served at that address, so its did:web identifier,
 * status lists and badges follow from it.
 */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(400, 'the web address is at most 400 characters')
  .transform((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a web address` });
      return z.NEVER;
    }
    const problem =
      url.protocol !== 'https:'
        ? 'the web address must start with https://'
        : url.username || url.password
          ? 'the web address must not carry a user name or password'
          : url.search || url.hash || text.includes('?') || text.includes('#')
            ? 'the web address must not have a query (?) or fragment (#)'
            : !/^[a-z0-9.-]+$/.test(url.hostname) || url.hostname.startsWith('.')
              ? 'the web address needs a host name of letters, digits, dots and hyphens'
              : pathSegments(url).some((s) => !/^[A-Za-z0-9._~-]+$/.test(s) || /^\.+$/.test(s))
                ? 'each part of the web address’s path may hold only letters, digits and . _ ~ -'
                : null;
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    const path = pathSegments(url);
    return `https://${url.host}${path.length > 0 ? `/${path.join('/')}` : ''}`;
  });

function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((s) => s !== '');
}

/** What a register's web address gives its credentials: the issuer's DID and where files go. */
export interface WebIssuer {
  baseUrl: string;
  /** did:web for the address: the host (a port's colon as %3A), then each path segment. */
  did: string;
  /** Where did:web resolution finds the DID document, inside the publication folder. */
  didDocumentPath: string;
}

/** The did:web issuer of a normalised base URL (one `baseUrlSchema` produced). */
export function webIssuer(baseUrl: string): WebIssuer {
  const url = new URL(baseUrl);
  const path = pathSegments(url);
  return {
    baseUrl,
    did: ['did:web', url.host.replace(':', '%3A'), ...path].join(':'),
    didDocumentPath: path.length > 0 ? 'did.json' : '.well-known/did.json',
  };
}

/** The status list's place in a publication, and so its URL under the web address. */
export const STATUS_LIST_PATH = 'credentials/status/suspension.json';
/** Each active certificate's badge in a publication: `credentials/badges/<number>.json`. */
export const badgePath = (certificateNumber: string) =>
  `credentials/badges/${certificateNumber}.json`;
