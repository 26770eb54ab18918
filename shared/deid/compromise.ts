/**
 * The English entity finder: compromise 14 (MIT, pure JavaScript, ~150 kB gzipped). It
 * was chosen over wink-nlp's English model because it names the kind of entity (person,
 * place, organisation), which decides the pseudonym, while wink's web model only tags
 * proper nouns, and it is a seventh of the size; it is slower, so it reads one paragraph
 * at a time, which keeps its cost linear (about 0.5 s per 10,000 words).
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

function find(text: string): Found[] {
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
