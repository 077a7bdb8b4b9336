import type { Command } from './command';
import { assessmentCommands } from './commands/assessment';
import { evidenceCommands } from './commands/evidence';
import { accreditationCommands } from './commands/accreditation';
import { certificateCommands } from './commands/certificate';
import { frameworkCommands } from './commands/framework';
import { providerCommands } from './commands/provider';
import { systemCommands } from './commands/system';

export const COMMANDS: Command[] = [
  ...frameworkCommands,
  ...providerCommands,
  ...assessmentCommands,
  ...evidenceCommands,
  ...accreditationCommands,
  ...certificateCommands,
  ...systemCommands,
];
