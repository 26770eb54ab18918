import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../electron/menu';
import { appCommands } from '../../shared/commands';
import { menuCommands } from '../../shared/ipc/bridge';

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();
const template = (platform: NodeJS.Platform = 'linux') => menuTemplate(vi.fn(), { platform, dev: false, appName: 'Lantern QDA' });

describe('application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s, sends every menu command exactly once from its item', (platform) => {
    const send = vi.fn();
    const items = flatten(menuTemplate(send, { platform, dev: false, appName: 'Lantern QDA' }));
    for (const item of items.filter((i) => i.click)) click(item);
    expect(send.mock.calls.map(([command]) => command).sort()).toEqual([...menuCommands].sort());
  });

  it('is built from the declared commands: each item has the declared label and shortcut', () => {
    const items = flatten(template()).filter((i) => i.click);
    const placed = appCommands.filter((c) => 'menu' in c);
    expect(placed.length).toBeGreaterThanOrEqual(8);
    for (const command of placed) {
      const item = items.find((i) => i.label === command.label);
      expect(item, command.id).toBeDefined();
      expect(item!.accelerator).toBe('shortcut' in command ? command.shortcut : undefined);
    }
  });

  it('puts each command in its declared menu, groups split by separators', () => {
    const top = template();
    expect(top.map((i) => i.label ?? i.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'Help']);
    const file = top[0]!.submenu as MenuItemConstructorOptions[];
    expect(file.map((i) => i.label ?? i.type ?? i.role)).toEqual([
      'New project',
      'Open .qdpx…',
      'Open the demo project',
      'separator',
      'Save',
      'Save as…',
      'Restore from backup…',
      'Rename project…',
      'separator',
      'Import transcripts…',
      'Export…',
      'separator',
      'Delete project from this computer…',
      'separator',
      'quit',
    ]);
    expect(file.find((i) => i.label === 'Save')!.accelerator).toBe('CmdOrCtrl+S');
    const edit = (top[1]!.submenu as MenuItemConstructorOptions[]).map((i) => i.label ?? i.role ?? i.type);
    expect(edit.slice(0, 2)).toEqual(['Undo', 'Redo']);
    expect(edit.at(-1)).toBe('Change coder…');
    const help = flatten(top[4]!.submenu as MenuItemConstructorOptions[]);
    expect(help[0]).toMatchObject({ label: 'Keyboard shortcuts', accelerator: 'CmdOrCtrl+/' });
  });

  it('keeps reload and developer tools out of the released app', () => {
    const roles = (dev: boolean) => flatten(menuTemplate(vi.fn(), { platform: 'linux', dev, appName: 'L' })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('puts the app menu first on macOS, with About there and not under Help', () => {
    const top = template('darwin');
    expect(top[0]!.label).toBe('Lantern QDA');
    expect(flatten(top.at(-1)!.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).not.toContain('about');
    expect(flatten(template('linux').at(-1)!.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).toContain('about');
  });
});
