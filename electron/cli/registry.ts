import type { Command } from './command';
import { assessmentCommands } from './commands/assessment';
import { frameworkCommands } from './commands/framework';
import { providerCommands } from './commands/provider';
import { systemCommands } from './commands/system';

export const COMMANDS: Command[] = [
  ...frameworkCommands,
  ...providerCommands,
  ...assessmentCommands,
  ...systemCommands,
];
