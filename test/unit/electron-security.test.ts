import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  externalLinkToOpen,
  isUserActivation,
  USER_ACTIVATION_MS,
} from '../../electron/shell/external-links';
import { CONTENT_SECURITY_POLICY } from '../../electron/web/security';
import { scan, scanProject, summarise } from '../../scripts/security-electron.mjs';
import { REPO_ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/temp-dir';

// The scanner waits up to a second for translations it cannot fetch offline.
const SCAN_TIMEOUT = 60_000;

describe('Electronegativity', () => {
  it(
    'finds nothing of high or medium severity in the desktop shell and renderer',
    async () => {
      const report = await scanProject();
      const { ok, text } = summarise(report);
      // The summary is the record of what the scanner said, in the test log and in CI's.
      console.log(text);
      expect(report.errors).toEqual([]);
      expect(report.checks).toBeGreaterThan(30);
      expect(
        report.findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM'),
      ).toEqual([]);
      expect(ok).toBe(true);
    },
    SCAN_TIMEOUT,
  );

  it(
    'fails an app that turns the protections off (so a regression here cannot pass unseen)',
    async () => {
      const app = tempDir();
      writeFileSync(
        join(app, 'package.json'),
        JSON.stringify({ name: 'careless', devDependencies: { electron: '41.0.0' } }),
      );
      writeFileSync(
        join(app, 'main.js'),
        `const { app, BrowserWindow, shell } = require('electron');
app.whenReady().then(() => {
  const win = new BrowserWindow({
    webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false },
  });
  win.webContents.on('new-window', (event, url) => shell.openExternal(url));
  win.loadURL('http://example.com/');
});
`,
      );
      mkdirSync(join(app, 'page'));
      writeFileSync(
        join(app, 'page', 'index.html'),
        '<html><body><script src="http://cdn.example.com/x.js"></script></body></html>',
      );
      const report = await scan(app, '41.0.0');
      const failing = new Set(
        report.findings
          .filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')
          .map((f) => f.id),
      );
      for (const id of [
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'CSP_GLOBAL_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]) {
        expect(failing.has(id), `${id} in ${[...failing].join(', ')}`).toBe(true);
      }
      expect(summarise(report).ok).toBe(false);
    },
    SCAN_TIMEOUT,
  );
});

describe('the Content Security Policy', () => {
  const html = readFileSync(join(REPO_ROOT, 'renderer', 'index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';

  it('is set on the page, and is the policy browser mode sends (less what a <meta> ignores)', () => {
    const header = CONTENT_SECURITY_POLICY.split('; ').filter(
      (d) => !d.startsWith('frame-ancestors'),
    );
    expect(meta.split('; ')).toEqual(header);
  });

  it('allows no inline or evaluated script, no plugins and no foreign origins', () => {
    const directives = new Map(
      meta.split('; ').map((d) => {
        const [name = '', ...values] = d.split(' ');
        return [name, values];
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(meta).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    // Nothing inline that the policy would have to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});

describe('opening links outside the app', () => {
  const clickedAt = 1_000_000;

  it('opens an https link clicked just now', () => {
    expect(externalLinkToOpen('https://example.org/a?b=c', clickedAt, clickedAt + 50)).toBe(
      'https://example.org/a?b=c',
    );
  });

  it('opens nothing without a recent click or key press', () => {
    expect(externalLinkToOpen('https://example.org/', null, clickedAt)).toBeNull();
    expect(
      externalLinkToOpen('https://example.org/', clickedAt, clickedAt + USER_ACTIVATION_MS + 1),
    ).toBeNull();
    expect(externalLinkToOpen('https://example.org/', clickedAt, clickedAt - 1)).toBeNull();
  });

  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:secret@example.org/',
    'https://evil.example@example.org/',
    'not a url',
    '',
  ])('opens nothing for %j', (url) => {
    expect(externalLinkToOpen(url, clickedAt, clickedAt)).toBeNull();
  });

  it('counts clicks, taps and key presses as a person acting, not mouse moves or scrolling', () => {
    for (const type of ['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'gestureTap'])
      expect(isUserActivation(type), type).toBe(true);
    for (const type of ['mouseMove', 'mouseWheel', 'mouseEnter', 'keyUp', 'char'])
      expect(isUserActivation(type), type).toBe(false);
  });
});
