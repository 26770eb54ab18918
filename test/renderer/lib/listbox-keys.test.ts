import { describe, expect, it, vi } from 'vitest';
import { listboxKeyDown } from '../../../renderer/src/lib/listbox-keys';

const press = (key: string, current: number, count: number) => {
  const e = { key, preventDefault: vi.fn() };
  const setActive = vi.fn();
  const choose = vi.fn();
  listboxKeyDown(e, current, count, setActive, choose);
  return { prevented: e.preventDefault.mock.calls.length > 0, setActive, choose };
};

describe('listboxKeyDown', () => {
  it('moves the active option within the list', () => {
    expect(press('ArrowDown', 1, 3).setActive).toHaveBeenCalledWith(2);
    expect(press('ArrowDown', 2, 3).setActive).toHaveBeenCalledWith(2);
    expect(press('ArrowUp', 0, 3).setActive).toHaveBeenCalledWith(0);
    expect(press('ArrowUp', 2, 3).setActive).toHaveBeenCalledWith(1);
  });

  it('chooses on Enter and leaves other keys to the text field', () => {
    const enter = press('Enter', 0, 3);
    expect(enter.choose).toHaveBeenCalledOnce();
    expect(enter.prevented).toBe(true);
    const letter = press('a', 0, 3);
    expect(letter.prevented).toBe(false);
    expect(letter.setActive).not.toHaveBeenCalled();
    expect(letter.choose).not.toHaveBeenCalled();
  });
});
