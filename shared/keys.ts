/**
 * Keyboard chords in Electron's accelerator syntax ('CmdOrCtrl+Shift+S'): parse one, tell
 * whether a key press (a DOM KeyboardEvent or anything shaped like one) is it, on macOS
 * (Cmd) or elsewhere (Ctrl), and write it for people. Pure, so the menu, the page and the
 * tests agree on what a shortcut means.
 */

/** What the matcher needs from a DOM KeyboardEvent (or a React one). */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface Chord {
  /** Lower-case key: 'z', '1', '/', 'escape', 'f1'. */
  key: string;
  /** Cmd on macOS, Ctrl elsewhere. */
  cmd: boolean;
  /** Ctrl itself (only distinct from cmd on macOS). */
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
}

const MODIFIERS: Record<string, keyof Omit<Chord, 'key'>> = {
  cmdorctrl: 'cmd',
  commandorcontrol: 'cmd',
  cmd: 'cmd',
  command: 'cmd',
  ctrl: 'ctrl',
  control: 'ctrl',
  shift: 'shift',
  alt: 'alt',
  option: 'alt',
};

export function parseAccelerator(accelerator: string): Chord {
  const chord: Chord = { key: '', cmd: false, ctrl: false, shift: false, alt: false };
  const parts = accelerator.split('+');
  const key = parts.pop();
  if (!key) throw new Error(`'${accelerator}' names no key`);
  for (const part of parts) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (!modifier) throw new Error(`'${accelerator}': '${part}' is not a modifier (CmdOrCtrl, Ctrl, Shift, Alt)`);
    chord[modifier] = true;
  }
  chord.key = key.toLowerCase();
  return chord;
}

/** The same chord, said the way Electron would: for comparing accelerators written differently. */
export function chordId(chord: Chord): string {
  return [chord.cmd && 'cmd', chord.ctrl && 'ctrl', chord.alt && 'alt', chord.shift && 'shift', chord.key].filter(Boolean).join('+');
}

/**
 * The key an event stands for. Alt (Option on a Mac) turns digits and letters into other
 * characters ('¡' for Alt+1), so with Alt, or when the key is no plain character, the
 * physical key (code: 'Digit1', 'KeyS') decides.
 */
function eventKey(e: KeyLike): string {
  const plain = e.key.length === 1 && e.key >= ' ' && e.key <= '~';
  const physical = /^(?:Key([A-Z])|Digit(\d))$/.exec(e.code ?? '');
  if (physical && (e.altKey || !plain)) return (physical[1] ?? physical[2]!).toLowerCase();
  return e.key.toLowerCase();
}

export function matchesChord(e: KeyLike, chord: Chord, mac: boolean): boolean {
  if (mac) {
    if (e.metaKey !== chord.cmd || e.ctrlKey !== chord.ctrl) return false;
  } else if (e.metaKey || e.ctrlKey !== (chord.cmd || chord.ctrl)) {
    // Off macOS Ctrl and CmdOrCtrl are one key, and the Windows/Super key is never part of a chord.
    return false;
  }
  return e.shiftKey === chord.shift && e.altKey === chord.alt && eventKey(e) === chord.key;
}

const MAC_SYMBOLS = { ctrl: '⌃', alt: '⌥', shift: '⇧', cmd: '⌘' } as const;

/** For people: '⇧⌘S' on macOS, 'Ctrl+Shift+S' elsewhere. */
export function formatAccelerator(accelerator: string, mac: boolean): string {
  const c = parseAccelerator(accelerator);
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key[0]!.toUpperCase() + c.key.slice(1);
  if (mac) return `${c.ctrl ? MAC_SYMBOLS.ctrl : ''}${c.alt ? MAC_SYMBOLS.alt : ''}${c.shift ? MAC_SYMBOLS.shift : ''}${c.cmd ? MAC_SYMBOLS.cmd : ''}${key}`;
  return [c.cmd || c.ctrl ? 'Ctrl' : '', c.alt ? 'Alt' : '', c.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}
