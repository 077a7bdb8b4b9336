import {
  accreditationText,
  orukLocation,
  orukOrganization,
  orukServiceJson,
  TAXONOMIES,
} from './oruk';
import type { OutputWriter } from './outputs';
import type { FileOpener, FileWriter, WrittenFile } from './staging';
import { PUBLICATION_FILES, type RegisterEntry } from '../../../shared/register/schema';

/**
 * One ORUK list, written as records arrive. Each file is one page in ORUK's list format: the
 * records under `contents` and the page counts, which follow them since only then are they known.
 */
class OrukList {
  private readonly out: FileWriter;
  private count = 0;

  constructor(staging: FileOpener, path: string) {
    this.out = staging.file(path);
    this.out.write('{"contents":[');
  }

  add(record: string): void {
    this.out.write(this.count > 0 ? `,\n${record}` : `\n${record}`);
    this.count += 1;
  }

  finish(): WrittenFile {
    const n = this.count;
    this.out.write(
      `\n],"total_items":${n},"total_pages":1,"page_number":1,"size":${n},` +
        `"first_page":true,"last_page":true,"empty":${n === 0}}\n`,
    );
    return this.out.close();
  }
}

/**
 * oruk/: the services of active certificates as Open Referral UK 3.0 JSON (organizations,
 * services, locations), and the taxonomies their attributes name. A service or organization in
 * more than one active certificate is published once.
 */
export class OrukWriter implements OutputWriter {
  private readonly organizations: OrukList;
  private readonly services: OrukList;
  private readonly locations: OrukList;
  private readonly taxonomies: WrittenFile;
  private readonly seenProviders = new Map<string, { id: string; location: string | null }>();
  private readonly seenServices = new Set<string>();

  constructor(staging: FileOpener) {
    const taxonomies = new OrukList(staging, 'oruk/taxonomies.json');
    for (const t of TAXONOMIES) taxonomies.add(JSON.stringify(t));
    this.taxonomies = taxonomies.finish();
    this.organizations = new OrukList(staging, 'oruk/organizations.json');
    this.services = new OrukList(staging, PUBLICATION_FILES.orukServices);
    this.locations = new OrukList(staging, 'oruk/locations.json');
  }

  /** How many services were published. */
  get serviceCount(): number {
    return this.seenServices.size;
  }

  add(entries: readonly RegisterEntry[]): void {
    for (const entry of entries) {
      if (entry.status !== 'active') continue;
      const providerId = entry.holder.providerId;
      let provider = this.seenProviders.get(providerId);
      if (!provider) {
        const organization = orukOrganization(entry);
        const location = orukLocation(entry);
        this.organizations.add(JSON.stringify(organization));
        if (location) this.locations.add(JSON.stringify(location));
        provider = { id: organization.id, location: location?.id ?? null };
        this.seenProviders.set(providerId, provider);
      }
      const shared = {
        organizationId: provider.id,
        locationId: provider.location,
        accreditationsJson: JSON.stringify(accreditationText(entry)),
      };
      for (const service of entry.services) {
        if (this.seenServices.has(service.id)) continue;
        this.seenServices.add(service.id);
        this.services.add(orukServiceJson(entry, service, shared));
      }
    }
  }

  finish(): WrittenFile[] {
    return [
      this.organizations.finish(),
      this.services.finish(),
      this.locations.finish(),
      this.taxonomies,
    ];
  }
}
