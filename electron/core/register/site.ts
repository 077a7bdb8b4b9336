import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CERTIFICATE_STATUS_LABELS } from '../../../shared/accreditation/vocabulary';
import {
  REFERRAL_ROUTE_LABELS,
  REGION_LABELS,
  SERVICE_CATEGORY_LABELS,
} from '../../../shared/providers/vocabulary';
import type { FileOpener, FileWriter, WrittenFile } from './staging';
import { MONTHS, formatDate } from '../../../shared/text/dates';
import { badgePath } from '../../../shared/credentials/web-address';
import {
  PUBLICATION_FILES,
  type RegisterEntry,
  type RegisterFormat,
} from '../../../shared/register/schema';

/** The site's template, stylesheet and script, written by hand (resources/register-site/). */
export interface SiteAssets {
  template: string;
  style: string;
  script: string;
}

export function readSiteAssets(resourcesDir: string): SiteAssets {
  const dir = join(resourcesDir, 'register-site');
  return {
    template: readFileSync(join(dir, 'index.html'), 'utf8'),
    style: ['base.css', 'register.css']
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n'),
    script: readFileSync(join(dir, 'register.js'), 'utf8'),
  };
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/;

/**
 * JSON inside a <script> element: "<" and ">" (so "</script>" in a name cannot end it), "&" and
 * the two line separators JavaScript once treated as line ends are written as escapes.
 */
export function scriptSafeJson(value: unknown): string {
  const text = JSON.stringify(value);
  return UNSAFE_IN_SCRIPT.test(text)
    ? text.replace(
        /[<>&\u2028\u2029]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      )
    : text;
}

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** An entry as the page needs it: short keys, since the page carries every certificate. */
function compact(entry: RegisterEntry) {
  const holder = entry.holder;
  return {
    n: entry.certificateNumber,
    s: entry.status,
    d: entry.statusDate,
    sb: entry.supersededBy,
    h: holder.name,
    r: holder.region,
    a: [holder.addressLine1, holder.addressLine2, holder.town].filter(Boolean).join(', '),
    p: holder.postcode,
    w: holder.website,
    ch: holder.charityNumber,
    co: holder.companyNumber,
    o: entry.outcome,
    cd: entry.conditionsDue,
    i: entry.issuedOn,
    e: entry.expiresOn,
    f: `${entry.framework.title} (version ${entry.framework.version})`,
    v: entry.services.map((service) => ({
      n: service.name,
      c: service.category,
      r: service.referralRoute,
      s: service.selfReferral,
      a: service.acceptingReferrals,
      w: service.waitingWeeks,
      pl: service.placesPerMonth,
      d: service.capacityConfirmedOn,
    })),
  };
}

function downloads(formats: readonly RegisterFormat[]): string {
  const links: string[] = [];
  if (formats.includes('csv'))
    links.push(`as <a href="${PUBLICATION_FILES.csv}">a spreadsheet (CSV)</a>`);
  if (formats.includes('json'))
    links.push(`as <a href="${PUBLICATION_FILES.register}">JSON</a> (with its JSON Schema)`);
  if (formats.includes('oruk'))
    links.push(`as <a href="${PUBLICATION_FILES.orukServices}">Open Referral UK 3.0 data</a>`);
  if (links.length === 0) return '';
  const last = links.pop() ?? '';
  return `The same register is also published ${links.length > 0 ? `${links.join(', ')} and ${last}` : last}.`;
}

export interface SiteContext {
  network: { name: string; keyId: string };
  generatedAt: string;
  publicKeyPem: string;
  /** Keys of other networks whose certificates this register holds, and this one trusts. */
  otherKeys: readonly { name: string; pem: string }[];
  formats: readonly RegisterFormat[];
  /** The network's own keys when the publication carries badges: their active certificates have one. */
  badgeKeyIds: readonly string[];
}

/**
 * index.html: one self-contained page that works from the file system. The register is embedded
 * as JSON data; the script and stylesheet are inline and allowed by their hashes in the page's
 * Content Security Policy, which allows nothing else (no network at all).
 */
export class SiteWriter {
  private readonly out: FileWriter;
  private readonly tail: string;
  private readonly badgeKeyIds: Set<string>;
  private first = true;

  constructor(staging: FileOpener, assets: SiteAssets, context: SiteContext) {
    this.badgeKeyIds = new Set(context.badgeKeyIds);
    const csp = [
      "default-src 'none'",
      `script-src ${cspHash(assets.script)}`,
      `style-src ${cspHash(assets.style)}`,
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
    ].join('; ');
    const network = escapeHtml(context.network.name);
    // The elements are rewritten whole, so what is hashed is exactly what they hold, however the
    // template is laid out.
    const filled = assets.template
      .replace(/<style>\s*%%STYLE%%\s*<\/style>/, () => `<style>${assets.style}</style>`)
      .replace(
        /(<script type="application\/json"[^>]*>)\s*%%DATA%%\s*<\/script>/,
        '$1%%DATA%%</script>',
      )
      .replace(/<script>\s*%%SCRIPT%%\s*<\/script>/, '<script>%%SCRIPT%%</script>')
      .split('%%CSP%%')
      .join(csp)
      .split('%%TITLE%%')
      .join(`Register of accredited social prescribing providers – ${network}`)
      .split('%%NETWORK%%')
      .join(network)
      .split('%%GENERATED_ISO%%')
      .join(context.generatedAt)
      .split('%%GENERATED%%')
      .join(formatDate(context.generatedAt))
      .split('%%DOWNLOADS%%')
      .join(downloads(context.formats));
    // The data and the script go in last, so a %%…%% inside them is never filled in as a template slot.
    const [beforeData, afterData] = filled.split('%%DATA%%');
    if (beforeData === undefined || afterData === undefined)
      throw new Error('the register page template has no %%DATA%%');
    const [beforeScript, afterScript] = afterData.split('%%SCRIPT%%');
    if (beforeScript === undefined || afterScript === undefined)
      throw new Error('the register page template has no %%SCRIPT%%');
    this.tail = `]}${beforeScript}${assets.script}${afterScript}`;

    this.out = staging.file(PUBLICATION_FILES.page);
    this.out.write(beforeData);
    const head = scriptSafeJson({
      network: context.network,
      generatedAt: context.generatedAt,
      publicKey: context.publicKeyPem,
      otherKeys: context.otherKeys,
      labels: {
        statuses: CERTIFICATE_STATUS_LABELS,
        regions: REGION_LABELS,
        categories: SERVICE_CATEGORY_LABELS,
        routes: REFERRAL_ROUTE_LABELS,
        months: MONTHS,
      },
    });
    this.out.write(`${head.slice(0, -1)},"entries":[`);
  }

  add(entries: readonly RegisterEntry[]): void {
    for (const e of entries) {
      const badge = e.status === 'active' && this.badgeKeyIds.has(e.issuer.keyId);
      const json = scriptSafeJson(
        badge ? { ...compact(e), b: badgePath(e.certificateNumber) } : compact(e),
      );
      this.out.write(this.first ? json : `,${json}`);
      this.first = false;
    }
  }

  finish(): WrittenFile[] {
    this.out.write(this.tail);
    return [this.out.close()];
  }
}
