/**
 * A seeded pseudo-random source for the benchmark generator. Math.random cannot be seeded,
 * and the study must come out identical from the same seed on every machine.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A roughly normal integer around mean (sum of uniforms), clamped to [min, max]. */
  around(mean: number, spread: number, min: number, max: number): number;
  shuffle<T>(items: T[]): T[];
}

export function seededRng(seed: number): Rng {
  // mulberry32: one 32-bit state, passes the statistical tests that matter for test data.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    around: (mean, spread, min, max) => {
      const u = (next() + next() + next() - 1.5) / 1.5;
      return Math.min(max, Math.max(min, Math.round(mean + u * spread)));
    },
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
}
