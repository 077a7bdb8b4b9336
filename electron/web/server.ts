import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RESOURCES_DIR, WORKERS_DIR } from '../core/install-paths';
import { defaultDataDir } from '../core/data-dir';
import { openInProcessCore } from '../core/host/in-process';
import { createWebServer } from './http';
import { messageOf } from '../../shared/error-message';

/**
 * `npm run web`: the desktop app's UI in a browser, on loopback only, behind a one-time token.
 * Paths are relative to this file both as source and bundled (dist/web/server.mjs).
 */
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '5183' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`spqa web: --port must be a port number, not "${values.port}"\n`);
  process.exit(2);
}
if (!existsSync(`${RENDERER_DIR}/index.html`)) {
  process.stderr.write('spqa web: the UI is not built; run `npm run build` first\n');
  process.exit(1);
}

const dataDir = values['data-dir'] ?? defaultDataDir();
let core;
try {
  core = await openInProcessCore({ dataDir, resourcesDir: RESOURCES_DIR, workersDir: WORKERS_DIR });
} catch (error) {
  process.stderr.write(`spqa web: ${messageOf(error)}\n`);
  process.exit(2);
}
const token = process.env.SPQA_WEB_TOKEN ?? randomBytes(24).toString('hex');
const server = createWebServer({ core, rendererDir: RENDERER_DIR, token, port });
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  process.stdout.write(`spqa web: open http://127.0.0.1:${actualPort}/?token=${token}\n`);
  process.stdout.write(`spqa web: data folder ${dataDir}\n`);
});

// A restore under way finishes (and calls in flight end) before the records are closed; a call
// that hangs does not keep the process alive for ever.
const stop = () => {
  server.close();
  setTimeout(() => process.exit(0), 10_000).unref();
  void core.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
