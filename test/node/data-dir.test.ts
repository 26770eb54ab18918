import { describe, expect, it } from 'vitest';
import { appDataFolder, backupRootIn, defaultBackupRoot } from '../../node/data-dir';

describe('where backups live', () => {
  it('is the desktop app data folder on each platform, so the app and qda share them', () => {
    expect(defaultBackupRoot({}, 'linux', '/home/r')).toBe('/home/r/.config/Lantern QDA/backups');
    expect(defaultBackupRoot({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/r')).toBe('/cfg/Lantern QDA/backups');
    expect(defaultBackupRoot({}, 'darwin', '/Users/r')).toBe(
      '/Users/r/Library/Application Support/Lantern QDA/backups',
    );
    expect(defaultBackupRoot({ APPDATA: 'C:\\Users\\r\\AppData\\Roaming' }, 'win32', 'C:\\Users\\r')).toBe(
      'C:\\Users\\r\\AppData\\Roaming\\Lantern QDA\\backups',
    );
    expect(appDataFolder({}, 'win32', 'C:\\Users\\r')).toBe('C:\\Users\\r\\AppData\\Roaming\\Lantern QDA');
  });

  it('is backups/ in the folder Electron names as userData, in the desktop app', () => {
    expect(backupRootIn('/home/r/.config/Lantern QDA', {})).toBe('/home/r/.config/Lantern QDA/backups');
    expect(backupRootIn('C:\\Users\\r\\AppData\\Roaming\\Lantern QDA', {})).toBe('C:\\Users\\r\\AppData\\Roaming\\Lantern QDA\\backups');
    expect(backupRootIn('/home/r/.config/Lantern QDA', { LANTERN_BACKUP_DIR: '/tmp/b' })).toBe('/tmp/b');
  });

  it('is LANTERN_BACKUP_DIR when set', () => {
    expect(defaultBackupRoot({ LANTERN_BACKUP_DIR: '/tmp/b', XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/r')).toBe(
      '/tmp/b',
    );
  });
});
