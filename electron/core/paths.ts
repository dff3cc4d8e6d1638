import os from 'node:os';
import path from 'node:path';

/** Folder name of the app's data under the OS's per-user application-data folder. */
export const APP_DIR_NAME = 'kehu-guanli';

/**
 * The per-user data folder, the same one Electron's `userData` resolves to for this app, so the
 * desktop window and `npm run web` open the same database. `KEHU_DATA_DIR` overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KEHU_DATA_DIR) return path.resolve(env.KEHU_DATA_DIR);
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, APP_DIR_NAME);
}
