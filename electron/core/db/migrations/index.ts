import { initial } from './0010-initial';
import { evidence } from './0020-evidence';
import { accreditation } from './0030-accreditation';
import { providerSearch } from './0060-provider-search';
import { certificateScope } from './0070-certificate-scope';
import { credentialStatus } from './0120-credential-status';
import type { Migration } from './types';

/** Every migration in the order it runs. Append only: a shipped migration never changes. */
export const MIGRATIONS: readonly Migration[] = [
  initial,
  evidence,
  accreditation,
  providerSearch,
  certificateScope,
  credentialStatus,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
