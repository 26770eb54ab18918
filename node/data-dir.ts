/**
 * Where backups of projects live. The CLI uses the desktop app's own data folder, so the app
 * and `qda` keep one set of backups per project and either can list and restore the other's.
 */
import { homedir } from 'node:os';
import path from 'node:path';

/** The folder Electron's app.getPath('userData') names for Lantern QDA on each platform. */
export function appDataFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Lantern QDA');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lantern QDA');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Lantern QDA');
}

/** `LANTERN_BACKUP_DIR` when set (tests, or a user who wants them elsewhere), else `backups/` in the app data folder. */
export function backupRootIn(appData: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.LANTERN_BACKUP_DIR) return path.resolve(env.LANTERN_BACKUP_DIR);
  return (appData.includes('\\') && !appData.includes('/') ? path.win32 : path).join(appData, 'backups');
}

/** Where qda keeps backups: where the desktop app keeps them, found without Electron. */
export function defaultBackupRoot(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  return backupRootIn(appDataFolder(env, platform, home), env);
}
