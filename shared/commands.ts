/**
 * Every app-level command, declared once: id, label, shortcut and place in the desktop
 * menu. The Electron menu is built from this list (electron/menu.ts), the renderer's
 * key handling, command palette and shortcuts help read it too, so the browser gets every
 * shortcut the desktop has. What a command does lives in the renderer (app/commands.ts);
 * this file is data, and which command a key press runs (chords themselves: keys.ts).
 *
 * Shortcuts use Electron's accelerator syntax ('CmdOrCtrl+Shift+S'): Cmd on macOS, Ctrl
 * elsewhere. Every app shortcut has a modifier, because a plain letter or digit in the
 * transcript belongs to coding (C, T and the codes' own keys; see transcriptKeys).
 */

import { matchesChord, parseAccelerator, type KeyLike } from './keys';

export type MenuName = 'file' | 'edit' | 'view' | 'help';

export interface CommandDecl {
  readonly id: string;
  readonly label: string;
  /** The key shown in menus and help, and matched in the page. */
  readonly shortcut?: string;
  /** Further keys that run it too (e.g. Ctrl+Y for redo); shown in help, not in the menu. */
  readonly alternates?: readonly string[];
  /** Where the desktop menu shows it; groups within a menu are split by separators. */
  readonly menu?: { readonly in: MenuName; readonly group: number };
}

export const appCommands = [
  { id: 'new', label: 'New project', shortcut: 'CmdOrCtrl+N', menu: { in: 'file', group: 0 } },
  { id: 'open', label: 'Open .qdpx…', shortcut: 'CmdOrCtrl+O', menu: { in: 'file', group: 0 } },
  { id: 'openDemo', label: 'Open the demo project', menu: { in: 'file', group: 0 } },
  { id: 'save', label: 'Save', shortcut: 'CmdOrCtrl+S', menu: { in: 'file', group: 1 } },
  { id: 'saveAs', label: 'Save as…', shortcut: 'CmdOrCtrl+Shift+S', menu: { in: 'file', group: 1 } },
  // Desktop only: the browser keeps no file backups, so nothing registers it there.
  { id: 'restoreBackup', label: 'Restore from backup…', menu: { in: 'file', group: 1 } },
  { id: 'renameProject', label: 'Rename project…', menu: { in: 'file', group: 1 } },
  { id: 'importTranscripts', label: 'Import transcripts…', shortcut: 'CmdOrCtrl+I', menu: { in: 'file', group: 2 } },
  { id: 'export', label: 'Export…', shortcut: 'CmdOrCtrl+E', menu: { in: 'file', group: 2 } },
  { id: 'deleteProject', label: 'Delete project from this computer…', menu: { in: 'file', group: 3 } },
  { id: 'undo', label: 'Undo', shortcut: 'CmdOrCtrl+Z', menu: { in: 'edit', group: 0 } },
  { id: 'redo', label: 'Redo', shortcut: 'CmdOrCtrl+Shift+Z', alternates: ['CmdOrCtrl+Y'], menu: { in: 'edit', group: 0 } },
  // Not in the menu: the coding view must first take the reader's selection from the page,
  // which it does on the key event; a menu accelerator would not reach the page.
  { id: 'codePalette', label: 'Apply a code to the selection…', shortcut: 'CmdOrCtrl+K' },
  { id: 'changeCoder', label: 'Change coder…', menu: { in: 'edit', group: 1 } },
  { id: 'commandPalette', label: 'Command palette…', shortcut: 'CmdOrCtrl+Shift+P', menu: { in: 'view', group: 0 } },
  { id: 'cycleTheme', label: 'Change colour theme', menu: { in: 'view', group: 0 } },
  { id: 'shortcuts', label: 'Keyboard shortcuts', shortcut: 'CmdOrCtrl+/', menu: { in: 'help', group: 0 } },
] as const satisfies readonly CommandDecl[];

export type AppCommandId = (typeof appCommands)[number]['id'];
type MenuPlaced = Extract<(typeof appCommands)[number], { menu: object }>;
/** The commands the desktop menu sends to the renderer (the menu:command IPC payload). */
export type MenuCommandId = MenuPlaced['id'];
export const menuCommandIds = appCommands.filter((c): c is MenuPlaced => 'menu' in c).map((c) => c.id) as [MenuCommandId, ...MenuCommandId[]];

/**
 * Keys the transcript keeps for coding (TranscriptView matches them). Besides these, every
 * plain character can be a code's own key, which is why app shortcuts all have a modifier.
 */
export const transcriptKeys = [
  { id: 'palette', label: 'Apply a code to the selection', shortcut: 'C' },
  { id: 'turn', label: 'Code the whole turn', shortcut: 'T' },
  { id: 'in-vivo', label: 'Create an in vivo code from the selection', shortcut: 'CmdOrCtrl+Shift+V' },
  { id: 'escape', label: 'Clear the selected coding', shortcut: 'Escape' },
] as const satisfies readonly CommandDecl[];
export type TranscriptKeyId = (typeof transcriptKeys)[number]['id'];

/** Chords the operating system's text editing owns; no command may take them. */
export const editingChords = ['CmdOrCtrl+C', 'CmdOrCtrl+X', 'CmdOrCtrl+V', 'CmdOrCtrl+A'] as const;

/**
 * Chords that, pressed in a text field, are the field's: its own undo and redo, and bold,
 * italic, underline in the memo editor. A command may share one (Undo, Import on Ctrl+I);
 * it runs everywhere except in a text field.
 */
export const textFieldChords = ['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y', 'CmdOrCtrl+B', 'CmdOrCtrl+I', 'CmdOrCtrl+U'] as const;

// Which command a key press runs

/** Whether a key pressed in a text field belongs to the field rather than to a command. */
export function textFieldKeeps(e: KeyLike, mac: boolean): boolean {
  return textFieldChords.some((key) => matchesChord(e, parseAccelerator(key), mac));
}

/** Every key a command answers to: its shortcut, then its alternates. */
export function keysOf(command: CommandDecl): string[] {
  return [...(command.shortcut ? [command.shortcut] : []), ...(command.alternates ?? [])];
}

/** The command a key press runs, if any. */
export function commandForKey<C extends CommandDecl>(e: KeyLike, commands: readonly C[], mac: boolean): C | null {
  for (const command of commands) for (const key of keysOf(command)) if (matchesChord(e, parseAccelerator(key), mac)) return command;
  return null;
}
