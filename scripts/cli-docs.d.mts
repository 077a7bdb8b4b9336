export const CLI_DOC: string;

export interface Overview {
  usage: string;
  commands: { words: string[]; summary: string }[];
  globals: string[];
}

export function parseOverview(text: string): Overview;
export function parseCommandHelp(text: string): { usage: string[]; summary: string };
/** The CLI's entry (electron/cli/run.ts `runCli`): the docs are rendered from its --help. */
export type RunCli = (
  argv: string[],
  io: { stdout: (text: string) => void; stderr: (text: string) => void; env: NodeJS.ProcessEnv },
) => Promise<number>;

export function renderCliDocs(runCli: RunCli): Promise<string>;
