import type { Command } from './command';
import { assessmentCommands } from './commands/assessment';
import { backupCommands } from './commands/backup';
import { bundleCommands } from './commands/bundle';
import { evidenceCommands } from './commands/evidence';
import { accreditationCommands } from './commands/accreditation';
import { certificateCommands } from './commands/certificate';
import { frameworkCommands } from './commands/framework';
import { keysTrustCommands } from './commands/keys-trust';
import { providerCommands } from './commands/provider';
import { registerCommands } from './commands/register';
import { systemCommands } from './commands/system';

export const COMMANDS: Command[] = [
  ...frameworkCommands,
  ...providerCommands,
  ...assessmentCommands,
  ...evidenceCommands,
  ...accreditationCommands,
  ...certificateCommands,
  ...registerCommands,
  ...systemCommands,
  ...backupCommands,
  ...bundleCommands,
  ...keysTrustCommands,
];
