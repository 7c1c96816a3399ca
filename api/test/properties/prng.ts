/**
 * A small deterministic pseudo-random generator for property tests: mulberry32
 * (32-bit state, https://gist.github.com/tommyettinger/46a874533244883189143505d203312c),
 * the same one the fake Stripe uses to shuffle webhook deliveries.
 */
export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A 32-bit unsigned integer, to seed another generator. */
  uint32(): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A key of `weights`, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uint32: () => Math.floor(next() * 4294967296) >>> 0,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as Array<[keyof typeof weights, number]>;
      let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return entries.at(-1)![0];
    },
  };
  return random;
}

/** The seed of sequence `index` of a run seeded `seed`: replaying one sequence needs only these two. */
export function sequenceSeed(seed: number, index: number): number {
  return mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0).uint32();
}
