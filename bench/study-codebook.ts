/** The synthetic study's codebook: shared codes, each coder's own, and near-duplicate names for the merge. */
import type { Code, CodeOrigin, Guid } from '../shared/model';
import { nextColor } from '../shared/model';
import type { Rng } from './prng';
import { CATEGORIES, CODE_NOUNS, IN_VIVO, QUALIFIERS, sentence } from './words';
import { stamp } from './study-text';

export interface Codebook {
  codes: Code[];
  /** Codes any coder may apply (level 2 and 3), shared by both coders. */
  shared: Code[];
  ownA: Code[];
  ownB: Code[];
  /** B's own code that mirrors an A-own code under a near name (the merge must propose the match). */
  twinOfA: Map<Guid, Guid>;
}

export function buildCodebook(rng: Rng, newId: () => Guid, size: number, coderA: Guid, coderB: Guid, firstSource: () => Guid): Codebook {
  const l1 = Math.max(2, Math.round(size * 0.02));
  const l2 = Math.max(l1, Math.round(size * 0.12));
  const l3 = size - l1 - l2;
  const codes: Code[] = [];
  const names = new Set<string>();
  const make = (name: string, parentId: Guid | null, order: number, origin: CodeOrigin, codable: boolean, createdBy: Guid, minute: number): Code => {
    names.add(name);
    const code: Code = {
      id: newId(),
      name,
      parentId,
      order,
      color: nextColor(codes.length),
      definition: origin === 'deductive' ? `Talk about ${name.toLowerCase()} as it bears on the program.` : `Emerged in coding: ${name}.`,
      inclusion: origin === 'deductive' ? `Any account of ${name.toLowerCase()}, first- or second-hand.` : '',
      exclusion: origin === 'deductive' ? 'General complaints with no link to a service.' : '',
      example: '',
      origin,
      codable,
      createdBy,
      createdAt: stamp(minute),
      ...(origin === 'deductive' ? {} : { firstSourceId: firstSource() }),
    };
    codes.push(code);
    return code;
  };
  const top = Array.from({ length: l1 }, (_, i) =>
    make(CATEGORIES[i % CATEGORIES.length]! + (i >= CATEGORIES.length ? ` ${Math.floor(i / CATEGORIES.length) + 1}` : ''), null, i, 'deductive', false, coderA, 0),
  );
  const mid = Array.from({ length: l2 }, (_, i) => {
    const noun = CODE_NOUNS[i % CODE_NOUNS.length]!;
    const name = i >= CODE_NOUNS.length ? `${noun} ${Math.floor(i / CODE_NOUNS.length) + 1}` : noun;
    return make(name.charAt(0).toUpperCase() + name.slice(1), top[i % l1]!.id, Math.floor(i / l1), 'deductive', true, coderA, 1);
  });
  const leaves: Code[] = [];
  for (let i = 0; i < l3; i++) {
    const parent = mid[i % l2]!;
    const roll = rng.next();
    const origin: CodeOrigin = roll < 0.6 ? 'deductive' : roll < 0.9 ? 'inductive' : 'in-vivo';
    let name: string;
    do {
      name = origin === 'in-vivo'
        ? rng.chance(0.5) ? rng.pick(IN_VIVO) : `“${sentence(rng, rng.chance(0.5), 0).split(' ').slice(0, 4).join(' ').toLowerCase()}”`
        : `${parent.name.toLowerCase()}: ${rng.pick(QUALIFIERS)}`;
    } while (names.has(name));
    leaves.push(make(name, parent.id, Math.floor(i / l2), origin, true, coderA, 2 + i));
  }
  // Each coder also created codes of their own while coding (inductive), some under near names.
  const inductive = leaves.filter((c) => c.origin === 'inductive');
  const ownCount = Math.max(1, Math.round(size * 0.05));
  const ownA = inductive.slice(0, ownCount);
  const ownB = inductive.slice(ownCount, ownCount * 2);
  const twinOfA = new Map<Guid, Guid>();
  ownB.forEach((code, i) => {
    code.createdBy = coderB;
    const a = ownA[i];
    if (a && i < ownCount / 2) {
      // e.g. "transportation: too far" beside "Transportation - too far": same idea, other hands.
      code.name = nearName(a.name, names);
      names.add(code.name);
      code.parentId = a.parentId;
      twinOfA.set(a.id, code.id);
    }
  });
  const own = new Set([...ownA, ...ownB].map((c) => c.id));
  const shared = [...mid, ...leaves.filter((c) => !own.has(c.id))];
  return { codes, shared, ownA, ownB, twinOfA };
}

export function nearName(name: string, taken: Set<string>): string {
  const variants = [
    name.replace(': ', ' - '),
    name.charAt(0).toUpperCase() + name.slice(1),
    `${name}s`,
    name.replace(/^transportation/, 'transport').replace(/^transport\b/, 'transportation'),
    `${name} (B)`,
  ];
  return variants.find((v) => v !== name && !taken.has(v)) ?? `${name} ${taken.size}`;
}
