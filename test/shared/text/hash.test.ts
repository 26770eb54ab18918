/** The content hash our REFI extras are checked with: stable across versions, and sensitive to every character. */
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../shared/text/hash';

const SAMPLE = 'Interviewer: How did the referral go?\n\nP07: It took café ☕ six weeks.';

describe('contentHash', () => {
  it('gives the value projects saved by earlier versions hold, so their extras still apply', () => {
    expect(contentHash(SAMPLE)).toBe('132e4d747777c6-45');
    expect(contentHash(SAMPLE.split('').join(''))).toBe(contentHash(SAMPLE));
  });

  it('changes with any one character, including one half of an emoji', () => {
    const text = 'The outreach team kept calling about the bus pass 👍. '.repeat(500);
    const hashes = new Set([contentHash(text)]);
    for (const at of [0, 5_000, 13_000, text.length - 1]) hashes.add(contentHash(text.slice(0, at) + '#' + text.slice(at + 1)));
    hashes.add(contentHash(text.replace('👍', '👎')));
    expect(hashes.size).toBe(6);
  });
});
