import { describe, expect, it } from 'vitest';
import { CODE_PALETTE } from '../../../../shared/model';
import { colourName } from '../../../../renderer/src/features/codebook/colour-names';

describe('colour names (QA F10)', () => {
  it('gives every palette colour a distinct spoken name, not a hex code', () => {
    const names = CODE_PALETTE.map(colourName);
    expect(new Set(names).size).toBe(CODE_PALETTE.length);
    for (const n of names) expect(n).toMatch(/^[a-z ]+$/);
    expect(colourName('#F28E2B')).toBe('orange');
  });

  it('names a custom colour by its hue', () => {
    expect(colourName('#0000ff')).toBe('blue');
    expect(colourName('#00ff00')).toBe('green');
    expect(colourName('#ff0000')).toBe('red');
    expect(colourName('#202020')).toBe('black');
    expect(colourName('#660000')).toBe('dark red');
  });
});
