#!/usr/bin/env node
// The CLI is bundled by `npm run build:node` (run on install); this stub only finds it.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/spqa.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'spqa: the CLI is not built yet; run `npm run build:node` in the spqa folder\n',
  );
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
