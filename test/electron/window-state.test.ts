import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readWindowState, restorableState, writeWindowState } from '../../electron/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1440 };
const state = (x: number, y: number, maximized = false) => ({ bounds: { x, y, width: 1200, height: 800 }, maximized });

describe('restorableState', () => {
  it('restores a window that is on a connected screen', () => {
    expect(restorableState(state(100, 50), [laptop])).toEqual(state(100, 50));
    expect(restorableState(state(2000, 100, true), [laptop, monitorRight])).toEqual(state(2000, 100, true));
  });

  it('forgets a window left on a monitor that is no longer connected', () => {
    expect(restorableState(state(2000, 100), [laptop])).toBeNull();
  });

  it('forgets a window whose title bar is off screen', () => {
    expect(restorableState(state(100, -300), [laptop])).toBeNull();
    expect(restorableState(state(-1150, 100), [laptop])).toBeNull();
  });

  it.each([null, 'text', {}, { bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false }, { ...state(0, 0), maximized: 'yes' }])(
    'ignores a malformed saved state %j',
    (saved) => {
      expect(restorableState(saved, [laptop])).toBeNull();
    },
  );
});

describe('reading and writing', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lantern-window-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through the state file', async () => {
    const file = path.join(dir, 'window-state.json');
    writeWindowState(file, state(10, 20, true));
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state(10, 20, true));
    expect(readWindowState(file, [laptop])).toEqual(state(10, 20, true));
  });

  it('starts with the defaults when the file is missing or corrupt', async () => {
    expect(readWindowState(path.join(dir, 'missing.json'), [laptop])).toBeNull();
    await writeFile(path.join(dir, 'bad.json'), '{"bounds": ');
    expect(readWindowState(path.join(dir, 'bad.json'), [laptop])).toBeNull();
  });

  it('only warns when the state cannot be written', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementationOnce(() => {});
    expect(() => writeWindowState(path.join(dir, 'no-such-folder', 'w.json'), state(0, 0))).not.toThrow();
    expect(warn).toHaveBeenCalled();
  });
});
