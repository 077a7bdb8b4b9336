import { createInterface } from 'node:readline';
import { CliFailure } from './command';

/** What a usage line says of a command that signs. */
export const PASSPHRASE_SOURCE = '(passphrase from SPQA_PASSPHRASE or a prompt)';

/**
 * The signing passphrase comes from SPQA_PASSPHRASE or a prompt that does not echo, never from an
 * argument (arguments end up in shell history and process lists).
 */
export async function readPassphrase(env: NodeJS.ProcessEnv, purpose: string): Promise<string> {
  if (env.SPQA_PASSPHRASE) return env.SPQA_PASSPHRASE;
  if (!process.stdin.isTTY) {
    throw new CliFailure(
      `${purpose} needs the signing passphrase: set SPQA_PASSPHRASE or run in a terminal`,
    );
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void };
  let prompted = false;
  output._writeToOutput = (text: string) => {
    // Show the prompt once, then nothing of what is typed.
    if (!prompted) {
      process.stderr.write(text);
      prompted = true;
    }
  };
  try {
    return await new Promise<string>((resolve) =>
      rl.question(`Passphrase for the network signing key (${purpose}): `, resolve),
    );
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
