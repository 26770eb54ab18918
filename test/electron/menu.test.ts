import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../electron/menu';
import { menuCommands } from '../../shared/ipc/bridge';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s, sends every menu command exactly once from its item', (platform) => {
    const send = vi.fn();
    const items = flatten(menuTemplate(send, { platform, dev: false, appName: 'Lantern QDA' }));
    for (const item of items.filter((i) => i.click)) click(item);
    expect(send.mock.calls.map(([command]) => command).sort()).toEqual([...menuCommands].sort());
  });

  it('has the File and Edit items researchers expect, with shortcuts', () => {
    const top = menuTemplate(vi.fn(), { platform: 'linux', dev: false, appName: 'Lantern QDA' });
    expect(top.map((i) => i.label ?? i.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'Help']);
    const file = flatten(top[0]!.submenu as MenuItemConstructorOptions[]).filter((i) => i.label);
    expect(file.map((i) => i.label)).toEqual(['New Project', 'Open…', 'Save', 'Save As…', 'Restore from Backup…', 'Import Transcripts…', 'Export…']);
    expect(file.find((i) => i.label === 'Save')!.accelerator).toBe('CmdOrCtrl+S');
  });

  it('keeps reload and developer tools out of the released app', () => {
    const roles = (dev: boolean) => flatten(menuTemplate(vi.fn(), { platform: 'linux', dev, appName: 'L' })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('puts the app menu first on macOS', () => {
    expect(menuTemplate(vi.fn(), { platform: 'darwin', dev: false, appName: 'Lantern QDA' })[0]!.label).toBe('Lantern QDA');
  });
});
