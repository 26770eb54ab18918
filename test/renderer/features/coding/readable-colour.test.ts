import { describe, expect, it } from 'vitest';
import { CODE_PALETTE } from '../../../../shared/model';
import { contrastRatio, DARK_TEXT, labelColours, LIGHT_TEXT, luminance, readableOn } from '../../../../renderer/src/features/coding/readable-colour';

describe('stripe label colours (QA F27)', () => {
  it('computes WCAG contrast: white on black is 21:1', () => {
    expect(contrastRatio(luminance('#ffffff')!, luminance('#000')!)).toBeCloseTo(21, 5);
  });

  it('puts dark text on light and mid-tone colours and white on dark ones', () => {
    expect(readableOn('#bab0ac')).toBe(DARK_TEXT);
    expect(readableOn('#76b7b2')).toBe(DARK_TEXT);
    expect(readableOn('#edc948')).toBe(DARK_TEXT);
    expect(readableOn('#1f77b4')).toBe(LIGHT_TEXT);
    expect(readableOn('#d62728')).toBe(LIGHT_TEXT);
  });

  it('reaches AA (4.5:1) for every palette colour and for arbitrary colours, shading the stripe only when needed', () => {
    const samples = [...CODE_PALETTE, '#808080', '#777777', '#9c755f', '#ff00ff', '#00ff00', '#123456'];
    for (const c of samples) {
      const { text, background } = labelColours(c);
      expect(contrastRatio(luminance(text)!, luminance(background)!), c).toBeGreaterThanOrEqual(4.5);
    }
    expect(labelColours('#4e79a7').background).toBe('#4e79a7');
    expect(labelColours('#9c755f').background).not.toBe('#9c755f');
  });
});
