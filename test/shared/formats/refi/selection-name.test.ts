import { describe, expect, it } from 'vitest';
import { selectionName } from '../../../../shared/formats/refi/selection-name';

describe('selectionName', () => {
  it('collapses and trims white space within the selection', () => {
    expect(selectionName('xx  We   went\n\thome \u00a0 ', 2, 22)).toBe('We went home');
  });

  it('keeps 80 code points and ends a longer name with an ellipsis after 79', () => {
    const eighty = 'a'.repeat(80);
    expect(selectionName(eighty, 0, 80)).toBe(eighty);
    expect(selectionName(`${eighty}b`, 0, 81)).toBe(`${'a'.repeat(79)}…`);
  });

  it('counts a surrogate pair as one code point and never splits it', () => {
    const emoji = '😀'.repeat(81);
    const name = selectionName(emoji, 0, emoji.length);
    expect([...name]).toHaveLength(80);
    expect(name.endsWith('😀…')).toBe(true);
  });
});
