/**
 * The English entity finder: compromise 14 (MIT, pure JavaScript, ~150 kB gzipped). It
 * was chosen over wink-nlp's English model because it names the kind of entity (person,
 * place, organisation), which decides the pseudonym, while wink's web model only tags
 * proper nouns, and it is a seventh of the size. It is slower (tagging every word costs
 * about 0.5 ms a word), so it only reads the sentences that could name someone: 6,000
 * words of AnnoMI's conversations take 0.2 s instead of 2.9 s.
 */
import nlp from 'compromise';
import type { EntityFinder } from './entities';
import type { Found } from './names';
import type { DeidCategory } from './categories';

interface Match {
  text: string;
  offset: { start: number; length: number };
}

const KINDS: [method: 'people' | 'places' | 'organizations', category: DeidCategory][] = [
  ['people', 'person'],
  ['places', 'place'],
  ['organizations', 'organisation'],
];

/** A capital after a sentence's first word, other than "I": without one a sentence names nobody. */
const LATER_CAPITAL = /[\s"“(][^\s]*?(?!I\b|I['’])\p{Lu}/u;

/**
 * Sentence by sentence, and only the sentences with a capital after their first word:
 * most of what people say names nobody, and compromise tags every word it is given.
 */
function find(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(/[^.!?\n]+(?:[.!?]+["”)]?|$)/gu)) {
    const sentence = m[0];
    if (!LATER_CAPITAL.test(sentence.trimStart())) continue;
    for (const f of findIn(sentence)) out.push({ ...f, start: f.start + m.index, end: f.end + m.index });
  }
  return out;
}

function findIn(text: string): Found[] {
  const doc = nlp(text);
  const out: Found[] = [];
  for (const [method, category] of KINDS) {
    for (const m of doc[method]().json({ offset: true }) as Match[]) {
      // compromise sometimes runs a match across punctuation ("Pierce: Marcus", a speaker label and
      // the first word said) and keeps a possessive; each piece between punctuation is a name of its own.
      const raw = text.slice(m.offset.start, m.offset.start + m.offset.length);
      for (const piece of raw.matchAll(/[^,;:!?()"“”\n]+/gu)) {
        const trimmed = piece[0].replace(/(?:['’]s|['’])?[.\s]*$/u, '');
        const start = m.offset.start + piece.index + (trimmed.length - trimmed.trimStart().length);
        const length = trimmed.trim().length;
        if (length > 1) out.push({ start, end: start + length, category });
      }
    }
  }
  return out;
}

export const compromiseFinder: EntityFinder = { name: `compromise ${nlp.version}`, find };
