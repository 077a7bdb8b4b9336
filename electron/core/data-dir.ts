import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'SPQA';

/**
 * The folder the desktop app keeps its data in: the same path Electron gives as `userData`
 * for an app named SPQA, so the CLI and browser mode see the app's records by default.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.SPQA_DATA_DIR) return env.SPQA_DATA_DIR;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER_NAME);
}

export const DATABASE_FILE = 'spqa.db';
