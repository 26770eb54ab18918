/**
 * The application menu, built from the command list in shared/commands.ts. Project commands
 * are not carried out here: each item sends a typed menu:command to the renderer, which owns
 * the project and its undo history. The renderer matches the same shortcuts itself and
 * consumes the key, so a key press runs a command once, not once from the page and once here.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { appCommands, type MenuName } from '../shared/commands';
import type { MenuCommand } from '../shared/ipc/bridge';

/** The items of one menu (of its groups that pass `where`), in declaration order, a separator between groups. */
function commandItems(menu: MenuName, send: (command: MenuCommand) => void, where = (_group: number) => true): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  let group: number | null = null;
  for (const command of appCommands) {
    if (!('menu' in command) || command.menu.in !== menu || !where(command.menu.group)) continue;
    if (group !== null && command.menu.group !== group) items.push({ type: 'separator' });
    group = command.menu.group;
    const accelerator = 'shortcut' in command ? command.shortcut : undefined;
    items.push({ label: command.label, accelerator, click: () => send(command.id) });
  }
  return items;
}

export function menuTemplate(
  send: (command: MenuCommand) => void,
  options: { platform: NodeJS.Platform; dev: boolean; appName: string },
): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const separated = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => (items.length ? [{ type: 'separator' }, ...items] : []);

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  return [
    ...appMenu,
    { label: 'File', submenu: [...commandItems('file', send), ...(mac ? [] : separated([{ role: 'quit' }]))] },
    {
      label: 'Edit',
      // Undo and redo walk the project's change history, which only the renderer knows.
      submenu: [
        ...commandItems('edit', send, (group) => group === 0),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        ...separated(commandItems('edit', send, (group) => group > 0)),
      ],
    },
    {
      label: 'View',
      submenu: [
        ...commandItems('view', send),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.dev ? separated([{ role: 'reload' }, { role: 'toggleDevTools' }]) : []),
      ],
    },
    { role: 'windowMenu' },
    {
      label: 'Help',
      // macOS has About in the app menu; elsewhere it lives here.
      submenu: [...commandItems('help', send), ...(mac ? [] : separated([{ role: 'about', label: `About ${options.appName}` }]))],
    },
  ];
}
