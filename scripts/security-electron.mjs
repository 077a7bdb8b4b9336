// Electronegativity (Doyensec's scanner for Electron misconfigurations) over the desktop shell and
// the renderer: `npm run security:electron`, and test/unit/electron-security.test.ts runs it in
// `npm test`. Exits non-zero on any HIGH or MEDIUM finding, or on a file it could not parse.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** What is scanned: the Electron shell, the page it loads and the package (for Electron's version). */
export const SCANNED = ['electron/shell', 'renderer', 'package.json'];

/**
 * Checks left out, each with its reason. A finding on one line is instead waived where it occurs,
 * with an `eng-disable CHECK_ID` comment and the reason beside it (see electron/shell/main.ts).
 */
export const EXCLUDED_CHECKS = {
  // Compares the Electron version with the release list on github.com, which CI cannot reach; the
  // Electron version is kept current through package.json like every other dependency.
  AvailableSecurityFixesGlobalCheck: 'needs the network',
};

/** Findings at these severities fail the check. */
export const FAILING = ['HIGH', 'MEDIUM'];

function electronVersion(dir) {
  const installed = join(dir, 'node_modules', 'electron', 'package.json');
  if (existsSync(installed)) return JSON.parse(readFileSync(installed, 'utf8')).version;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return String(pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '');
}

/**
 * Scans `input` (a folder) and returns the findings and parse errors. `version` is the Electron
 * version to assume; the scanner's own detection reads only package-lock files it understands.
 */
export async function scan(input, version) {
  const run = require('@doyensec/electronegativity');
  // It fetches translations at start and says so on the console when it cannot; keep that quiet.
  const log = console.log;
  console.log = () => undefined;
  try {
    const result = await run({
      input,
      isRelative: true,
      electronVersionOverride: version,
      excludeFromScan: Object.keys(EXCLUDED_CHECKS),
    });
    return {
      checks: result.globalChecks + result.atomicChecks,
      errors: result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`),
      findings: result.issues.map((issue) => ({
        id: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file,
        line: issue.location.line,
        description: issue.description,
      })),
    };
  } finally {
    console.log = log;
  }
}

/** Scans the project's shell and renderer (copied apart, so tests, scripts and builds are not). */
export async function scanProject(dir = root) {
  const work = mkdtempSync(join(tmpdir(), 'spqa-electronegativity-'));
  try {
    for (const path of SCANNED) cpSync(join(dir, path), join(work, path), { recursive: true });
    return await scan(work, electronVersion(dir));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One line per finding and a closing count, for people and CI logs alike. */
export function summarise(report) {
  const failing = report.findings.filter((f) => FAILING.includes(f.severity));
  const lines = report.findings.map(
    (f) =>
      `  ${f.severity.padEnd(13)} ${f.id} ${f.file}:${f.line} (${f.confidence}) ${f.description}`,
  );
  for (const error of report.errors) lines.push(`  PARSE ERROR   ${error}`);
  const bySeverity = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']
    .map((s) => `${report.findings.filter((f) => f.severity === s).length} ${s.toLowerCase()}`)
    .join(', ');
  lines.push(
    `electronegativity: ${report.checks} checks, ${bySeverity}; ` +
      `${failing.length + report.errors.length === 0 ? 'passed' : 'FAILED'}`,
  );
  return { ok: failing.length === 0 && report.errors.length === 0, text: lines.join('\n') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { ok, text } = summarise(await scanProject());
  process.stdout.write(`${text}\n`);
  process.exitCode = ok ? 0 : 1;
}
