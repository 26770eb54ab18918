/** Reading other tools' offsets: counting modes, the mapping onto normalised text, and choosing a mode. */
import { describe, expect, it } from 'vitest';
import { chooseMode, nameMatches, onWordBoundary, SourceTextMap } from '../../../../shared/formats/refi/positions';
import type { PositionMode } from '../../../../shared/formats/refi/positions';

const NVIVO: PositionMode = { unit: 'utf16', crlf: 2 };
const ATLAS: PositionMode = { unit: 'codepoint', crlf: 1 };
const SPEC: PositionMode = { unit: 'codepoint', crlf: 2 };

describe('SourceTextMap', () => {
  const raw = 'Anna: 😀 olá\r\nBob: café ☕ sim\r\nfim';
  const map = new SourceTextMap(raw);
  const pick = (s: number, e: number, mode: PositionMode) => {
    const span = map.map(s, e, mode);
    if ('error' in span) throw new Error(span.error);
    return map.text.slice(span.start, span.end);
  };

  it('normalises to NFC with \\n line ends', () => {
    expect(map.text).toBe('Anna: 😀 olá\nBob: café ☕ sim\nfim');
  });

  it('reads the same word under each counting, from where that counting puts it', () => {
    // "café" in raw UTF-16 units: after "Anna: 😀 olá\r\nBob: " = 6+2+4+2+5 = 19
    expect(pick(19, 23, NVIVO)).toBe('café');
    // code points with CRLF as 2: the emoji counts 1 → 18
    expect(pick(18, 22, SPEC)).toBe('café');
    // code points with CRLF as 1 → 17
    expect(pick(17, 21, ATLAS)).toBe('café');
    expect(pick(17, 21, ATLAS)).not.toBe(pick(17, 21, NVIVO));
  });

  it('reports offsets beyond the text instead of clipping them', () => {
    const length = map.lengthIn(ATLAS);
    expect(map.map(0, length, ATLAS)).toEqual({ start: 0, end: map.text.length });
    expect(map.map(0, length + 1, ATLAS)).toEqual({ error: expect.stringMatching(/outside the text/) });
    expect(map.map(5, 3, ATLAS)).toEqual({ error: expect.stringMatching(/ends \(3\) before it starts \(5\)/) });
    expect(map.lengthIn(NVIVO) - map.lengthIn(ATLAS)).toBe(3); // one astral emoji (☕ is BMP) + two CRLF
  });

  it('keeps a selection inside a surrogate pair from splitting the character', () => {
    // UTF-16 offset 7 is the emoji's second half.
    const span = map.map(7, 8, NVIVO);
    expect(span).toEqual({ start: 6, end: 8 });
  });

  it('maps decomposed accents onto their composed characters', () => {
    const nfd = 'cafe\u0301 ok e\u0301';
    const m = new SourceTextMap(nfd);
    expect(m.text).toBe('café ok é');
    expect(m.matchesWholeNormalization()).toBe(true);
    const whole = m.map(0, 5, ATLAS);
    expect(whole).toEqual({ start: 0, end: 4 });
    // Ending between the e and its accent snaps outward to the whole character.
    expect(m.map(0, 4, ATLAS)).toEqual({ start: 0, end: 4 });
    const last = m.map(9, 11, ATLAS);
    expect('error' in last ? last : m.text.slice(last.start, last.end)).toBe('é');
  });

  it('maps every word of a long CRLF text with emoji (NVivo-sized) onto the same word', () => {
    const line = 'Szia 😀 világ!\r\n';
    const long = line.repeat(60_000);
    const m = new SourceTextMap(long);
    expect(m.text.length).toBe(long.length - 60_000);
    for (let i = 0; i < 60_000; i += 997) {
      const start = i * line.length + line.indexOf('világ');
      const span = m.map(start, start + 5, NVIVO);
      expect('error' in span ? span.error : m.text.slice(span.start, span.end)).toBe('világ');
    }
  });
});

describe('choosing the counting mode', () => {
  const words = Array.from({ length: 40 }, (_, i) => `szó${i} 😀`).join(' ');
  const map = new SourceTextMap(words);
  // Selections of whole words, counted in UTF-16 units (as NVivo does).
  const probes = [...words.matchAll(/szó\d+/g)].map((m) => ({ map, start: m.index!, end: m.index! + m[0].length }));

  it('keeps the origin\'s mode when the text agrees', () => {
    const choice = chooseMode('NVivo for Windows 12.6', probes);
    expect(choice.mode).toEqual(NVIVO);
    expect(choice.chosenBy).toBe('origin');
  });

  it('switches when another mode is clearly better, and says why', () => {
    const choice = chooseMode('SomeTool 1.0', probes);
    expect(choice.mode.unit).toBe('utf16');
    expect(choice.chosenBy).toBe('heuristics');
    expect(choice.evidence).toMatch(/40\/40 on word boundaries/);
  });

  it('uses names that hold the selected text as evidence, including truncated ones', () => {
    expect(nameMatches('Oh, that was great.', ' Oh, that was great. ')).toBe(true);
    expect(nameMatches('For some reason babies…', 'For some reason babies aren\'t')).toBe(true);
    expect(nameMatches('', 'x')).toBe(false);
    expect(nameMatches('other words', 'Oh, that')).toBe(false);
  });

  it('treats word edges as boundaries and mid-word offsets as not', () => {
    expect(onWordBoundary('olá mundo', 0)).toBe(true);
    expect(onWordBoundary('olá mundo', 3)).toBe(true);
    expect(onWordBoundary('olá mundo', 2)).toBe(false);
    expect(onWordBoundary('a😀b', 1)).toBe(true);
  });
});
