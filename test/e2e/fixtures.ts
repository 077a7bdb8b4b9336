import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI on one data folder. */
export type Cli = (args: string[]) => Promise<CliResult>;

export interface AppServer {
  url: string;
  dataDir: string;
  /** Runs the real CLI against this test's data folder (to seed data or check what was saved). */
  cli: Cli;
}

/** Runs the bundled CLI on a data folder, in the given environment. */
export function runCli(
  dataDir: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli/spqa.mjs', '--data-dir', dataDir, ...args], {
      cwd: ROOT,
      env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['dist/web/server.mjs', '--data-dir', dataDir, '--port', '0'],
      { cwd: ROOT },
    );
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${out}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=\w+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${out}`)));
  });
}

export const test = base.extend<{ app: AppServer }>({
  app: async ({ page }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spqa-e2e-'));
    const { child, url } = await startServer(dataDir);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await use({
      url,
      dataDir,
      cli: (args) => runCli(dataDir, args, { ...process.env }),
    });
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

/** Runs axe-core against the page for WCAG 2.2 A and AA and fails listing every violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `accessibility violations on ${what}`).toEqual([]);
}

export { expect };
