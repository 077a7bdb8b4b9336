/** What scripts/native-electron.mjs records in .native/<runtime>/build.json. */
export interface NativeBuildManifest {
  runtime: string;
  runtimeVersion: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export interface PackTarget {
  /** Electron's platform name: darwin, linux or win32. */
  platform: string;
  /** electron-builder's arch name: ia32, x64, armv7l, arm64 or universal. */
  arch: string;
  electronVersion: string;
}

export function nativeBuildProblem(
  manifest: NativeBuildManifest | null,
  target: PackTarget,
): string | null;

declare function beforePack(context: unknown): void;
export default beforePack;
