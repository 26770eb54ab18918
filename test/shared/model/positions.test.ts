import { describe, expect, it } from 'vitest';
import { normalizeText, PositionMap } from '../../../shared/model/positions';

describe('PositionMap', () => {
  it('is the identity on text without astral characters, accents included', () => {
    const text = 'Café crème – déjà vu';
    const map = new PositionMap(text);
    for (let i = 0; i <= text.length; i++) {
      expect(map.toCodePoint(i)).toBe(i);
      expect(map.toUtf16(i)).toBe(i);
    }
  });

  it('counts each emoji as one code point and two UTF-16 units', () => {
    const text = 'a😀b👍🏽c漢字d';
    const map = new PositionMap(text);
    expect(map.codePointLength).toBe([...text].length);
    const b = text.indexOf('b');
    expect(map.toCodePoint(b)).toBe(2);
    expect(map.toUtf16(2)).toBe(b);
    const d = text.indexOf('d');
    expect(map.toCodePoint(d)).toBe([...text.slice(0, d)].length);
  });

  it('round-trips every boundary between characters', () => {
    const text = '🎉x😀😀y 漢 z🙂';
    const map = new PositionMap(text);
    let u = 0;
    let cp = 0;
    for (const ch of text) {
      expect(map.toCodePoint(u)).toBe(cp);
      expect(map.toUtf16(cp)).toBe(u);
      u += ch.length;
      cp += 1;
    }
    expect(map.toUtf16(cp)).toBe(text.length);
  });

  it('refuses offsets outside the text', () => {
    const map = new PositionMap('abc');
    expect(() => map.toCodePoint(4)).toThrow(RangeError);
    expect(() => map.toUtf16(-1)).toThrow(RangeError);
  });
});

describe('normalizeText', () => {
  it('turns CRLF and CR into LF and composes accents (NFC)', () => {
    expect(normalizeText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(normalizeText('e\u0301')).toBe('é');
  });
});
