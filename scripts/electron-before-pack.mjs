// electron-builder's beforePack hook (electron-builder.yml). The package ships the better-sqlite3
// module from .native/electron as it is, so one built for another platform, CPU or Electron
// version would install cleanly and then fail on first launch; refuse to package it instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** electron-builder's `Arch` enum, by value. */
const BUILDER_ARCHES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];
/** Node's name (process.arch, recorded in build.json) for each electron-builder arch. */
const NODE_ARCH = { ia32: 'ia32', x64: 'x64', armv7l: 'arm', arm64: 'arm64' };

/**
 * What is wrong with the recorded native build for the package being made, or null if it fits.
 * `manifest` is .native/electron/build.json (written by scripts/native-electron.mjs), or null.
 */
export function nativeBuildProblem(manifest, target) {
  const fix = `run \`npm run native:electron\` on a ${target.platform}-${target.arch} machine and package there`;
  if (!manifest) return `.native/electron/build.json is missing; ${fix}`;
  const nodeArch = NODE_ARCH[target.arch];
  if (!nodeArch) {
    return `cannot package for ${target.arch}: the app ships one better-sqlite3 build, for one CPU`;
  }
  const built = `${manifest.runtime} ${manifest.runtimeVersion} on ${manifest.platform}-${manifest.arch}`;
  if (
    manifest.runtime !== 'electron' ||
    manifest.runtimeVersion !== target.electronVersion ||
    manifest.platform !== target.platform ||
    manifest.arch !== nodeArch
  ) {
    return (
      `.native/electron/better_sqlite3.node was built for ${built}, but this package is for ` +
      `Electron ${target.electronVersion} on ${target.platform}-${target.arch}; ${fix}`
    );
  }
  return null;
}

export default function beforePack(context) {
  const file = join(context.packager.projectDir, '.native', 'electron', 'build.json');
  let manifest = null;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // Reported below as missing.
  }
  const problem = nativeBuildProblem(manifest, {
    platform: context.electronPlatformName,
    arch: BUILDER_ARCHES[context.arch] ?? String(context.arch),
    electronVersion: context.packager.info.framework.version,
  });
  if (problem) throw new Error(problem);
}
