/** The content hash: stable, sensitive to every character, and still recognising hashes saved by earlier versions. */
import { describe, expect, it } from 'vitest';
import { contentHash, contentHashMatches, contentHashVersion1 } from '../../../shared/text/hash';

const SAMPLE = 'Interviewer: How did the referral go?\n\nP07: It took café ☕ six weeks.';

/** Longer than the 16,384 units the hash encodes at a time, with an emoji astride the first boundary. */
function long(): string {
  const filler = 'The outreach team kept calling about the bus pass. ';
  const text = filler.repeat(400);
  return text.slice(0, 16_383) + '👍' + text.slice(16_383);
}

describe('contentHash', () => {
  it('writes version 2 with the text length, and gives equal texts equal hashes', () => {
    expect(contentHash(SAMPLE)).toMatch(/^v2:[0-9a-f]{14}-45$/);
    expect(contentHash(SAMPLE)).toBe(contentHash(SAMPLE.split('').join('')));
    expect(contentHash('')).toMatch(/^v2:[0-9a-f]{14}-0$/);
  });

  it('changes with any one character, before, across and after a chunk boundary', () => {
    const text = long();
    const hashes = new Set([contentHash(text)]);
    for (const at of [0, 5_000, 16_382, 16_383, 16_384, 16_385, 20_000, text.length - 1]) {
      const changed = text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1);
      hashes.add(contentHash(changed));
    }
    expect(hashes.size).toBe(9);
    // Same length, one UTF-16 unit apart inside the emoji's pair.
    expect(contentHash(text.replace('👍', '👎'))).not.toBe(contentHash(text));
  });

  it('recognises version-1 hashes, which projects saved before version 2 hold', () => {
    // Written by the version-1 function of earlier releases for this text.
    expect(contentHashVersion1(SAMPLE)).toBe('132e4d747777c6-45');
    expect(contentHashMatches('132e4d747777c6-45', SAMPLE)).toBe(true);
    expect(contentHashMatches('132e4d747777c6-45', SAMPLE + ' ')).toBe(false);
    expect(contentHashMatches(contentHash(SAMPLE), SAMPLE)).toBe(true);
    expect(contentHashMatches(contentHash(SAMPLE), SAMPLE.replace('six', 'ten'))).toBe(false);
    // A known current hash is used as given rather than computed again.
    expect(contentHashMatches(contentHash(SAMPLE), SAMPLE, contentHash(SAMPLE))).toBe(true);
  });
});
