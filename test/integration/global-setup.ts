import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../helpers/paths';

/** Builds the Node bundles once, so the CLI tests run the real `spqa` from current source. */
export default function setup(): void {
  const build = spawnSync(process.execPath, ['scripts/build-node.mjs'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) {
    throw new Error(`node scripts/build-node.mjs failed:\n${build.stderr}${build.stdout}`);
  }
}
