/**
 * The command list: one declaration per command, keys that never collide with each other,
 * with the transcript's coding keys or with text editing, and the matcher that turns a key
 * press into a command on macOS (Cmd) and elsewhere (Ctrl).
 */
import { describe, expect, it, vi } from 'vitest';
import { appCommands, commandForKey, editingChords, keysOf, menuCommandIds, textFieldKeeps, transcriptKeys } from '../../../shared/commands';
import { chordId, formatAccelerator, parseAccelerator, type KeyLike } from '../../../shared/keys';
import { allCommands, viewCommands } from '../../../renderer/src/app/command-list';
import { isAvailable, registerCommands, runCommand, runWhenRegistered } from '../../../renderer/src/app/commands';
import { views } from '../../../renderer/src/app/views';

const press = (key: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^\d$/.test(key) ? `Digit${key}` : undefined,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const idFor = (e: KeyLike, mac: boolean) => commandForKey(e, allCommands, mac)?.id ?? null;

describe('command declarations', () => {
  it('declares each id once, with a label, and every key parses', () => {
    const ids = allCommands.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of [...allCommands, ...transcriptKeys]) {
      expect(c.label.trim(), c.id).not.toBe('');
      for (const key of keysOf(c)) expect(() => parseAccelerator(key), `${c.id}: ${key}`).not.toThrow();
    }
  });

  it('has the commands the app is known for', () => {
    const ids = allCommands.map((c) => c.id);
    for (const id of ['new', 'open', 'save', 'saveAs', 'undo', 'redo', 'importTranscripts', 'export', 'codePalette', 'commandPalette', 'shortcuts', 'cycleTheme'])
      expect(ids).toContain(id);
  });

  it('no two commands share a key, on macOS or elsewhere', () => {
    for (const mac of [false, true]) {
      const owner = new Map<string, string>();
      for (const c of allCommands)
        for (const key of keysOf(c)) {
          const chord = parseAccelerator(key);
          // Off macOS, Ctrl+X and CmdOrCtrl+X are the same key press.
          const id = chordId(mac ? chord : { ...chord, cmd: chord.cmd || chord.ctrl, ctrl: false });
          expect(owner.get(id), `${c.id} and ${owner.get(id)} both use ${key}`).toBeUndefined();
          owner.set(id, c.id);
        }
    }
  });

  it('no app key is a coding key of the transcript, a plain key (codes own those) or a text-editing key', () => {
    const taken = new Set([...transcriptKeys.flatMap(keysOf), ...editingChords].map((k) => chordId(parseAccelerator(k))));
    for (const c of allCommands)
      for (const key of keysOf(c)) {
        const chord = parseAccelerator(key);
        expect(taken.has(chordId(chord)), `${c.id}: ${key}`).toBe(false);
        expect(chord.cmd || chord.ctrl || chord.alt, `${c.id}: ${key} needs Ctrl/Cmd or Alt`).toBe(true);
      }
  });

  it('the matcher finds the transcript keys, and no app command answers them', () => {
    expect(commandForKey(press('c'), transcriptKeys, false)?.id).toBe('palette');
    expect(commandForKey(press('T'), transcriptKeys, false)?.id).toBe('turn'); // caps lock
    expect(commandForKey(press('V', { ctrlKey: true, shiftKey: true }), transcriptKeys, false)?.id).toBe('in-vivo');
    expect(commandForKey(press('Escape'), transcriptKeys, false)?.id).toBe('escape');
    for (const key of ['c', 't', '1', '7', 'Escape']) expect(idFor(press(key), false)).toBeNull();
    expect(idFor(press('v', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it('sends exactly the menu-placed commands over the menu IPC', () => {
    expect([...menuCommandIds].sort()).toEqual(appCommands.filter((c) => 'menu' in c).map((c) => c.id).sort());
  });

  it('has a view switch for every view of the registry, Alt+1… in navigation order', () => {
    expect(viewCommands.map((c) => c.id)).toEqual(views.map((v) => `view:${v.id}`));
    expect(viewCommands[0]!.shortcut).toBe('Alt+1');
    expect(viewCommands[1]!.label).toBe(`Go to ${views[1]!.label}`);
  });
});

describe('matching a key press', () => {
  it('Ctrl off macOS, Cmd on macOS', () => {
    expect(idFor(press('s', { ctrlKey: true }), false)).toBe('save');
    expect(idFor(press('s', { metaKey: true }), false)).toBeNull();
    expect(idFor(press('s', { metaKey: true }), true)).toBe('save');
    expect(idFor(press('s', { ctrlKey: true }), true)).toBeNull();
    expect(idFor(press('s', { ctrlKey: true, metaKey: true }), true)).toBeNull();
  });

  it('tells keys apart by Shift, and takes the alternates', () => {
    expect(idFor(press('S', { ctrlKey: true, shiftKey: true }), false)).toBe('saveAs');
    expect(idFor(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(idFor(press('Z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(idFor(press('y', { ctrlKey: true }), false)).toBe('redo');
    expect(idFor(press('S', { ctrlKey: true }), false)).toBe('save'); // caps lock on
    expect(idFor(press('P', { ctrlKey: true, shiftKey: true }), false)).toBe('commandPalette');
    expect(idFor(press('/', { ctrlKey: true }), false)).toBe('shortcuts');
    expect(idFor(press('s', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });

  it('switches views with Alt+digit, by the physical key where Option changes the character', () => {
    expect(idFor(press('1', { altKey: true }), false)).toBe('view:coding');
    expect(idFor({ ...press('1', { altKey: true }), key: '¡' }, true)).toBe('view:coding');
    expect(idFor({ ...press('2', { altKey: true }), key: '™' }, true)).toBe(`view:${views[1]!.id}`);
    expect(idFor(press('1', { altKey: true, ctrlKey: true }), false)).toBeNull();
  });

  it('leaves undo, redo and bold/italic/underline to a text field, and nothing else', () => {
    expect(textFieldKeeps(press('i', { ctrlKey: true }), false)).toBe(true);
    expect(textFieldKeeps(press('z', { metaKey: true }), true)).toBe(true);
    expect(textFieldKeeps(press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(textFieldKeeps(press('s', { ctrlKey: true }), false)).toBe(false);
    expect(textFieldKeeps(press('1', { altKey: true }), false)).toBe(false);
    // The same chord still runs the command outside text fields.
    expect(idFor(press('i', { ctrlKey: true }), false)).toBe('importTranscripts');
  });

  it('writes keys the platform way', () => {
    expect(formatAccelerator('CmdOrCtrl+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(formatAccelerator('CmdOrCtrl+Shift+S', true)).toBe('⇧⌘S');
    expect(formatAccelerator('Alt+1', true)).toBe('⌥1');
    expect(formatAccelerator('Escape', false)).toBe('Escape');
    expect(() => parseAccelerator('Hyper+S')).toThrow(/'Hyper' is not a modifier/);
  });
});

describe('command registry', () => {
  it('runs the registered function, and nothing once it is taken back', () => {
    const run = vi.fn();
    const off = registerCommands({ export: run });
    expect(isAvailable('export')).toBe(true);
    expect(runCommand('export')).toBe(true);
    off();
    expect(isAvailable('export')).toBe(false);
    expect(runCommand('export')).toBe(false);
    expect(run).toHaveBeenCalledOnce();
  });

  it('lets a view take over a fallback while registered, whatever the order', () => {
    const view = vi.fn();
    const shell = vi.fn();
    const offView = registerCommands({ importTranscripts: view });
    const offShell = registerCommands({ importTranscripts: shell }, { fallback: true });
    runCommand('importTranscripts');
    offView();
    runCommand('importTranscripts');
    offShell();
    expect(view).toHaveBeenCalledOnce();
    expect(shell).toHaveBeenCalledOnce();
  });

  it('runs a command asked for early once its owner registers', async () => {
    const run = vi.fn();
    runWhenRegistered('codePalette');
    const off = registerCommands({ codePalette: run });
    await Promise.resolve();
    expect(run).toHaveBeenCalledOnce();
    off();
  });
});
