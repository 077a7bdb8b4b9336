export const CLI_DOC: string;

export interface Overview {
  usage: string;
  commands: { words: string[]; summary: string }[];
  globals: string[];
}

export function parseOverview(text: string): Overview;
export function parseCommandHelp(text: string): { usage: string[]; summary: string };
export function renderCliDocs(): Promise<string>;
