/**
 * A seeded PRNG (mulberry32). Its whole state is one unsigned 32-bit integer kept in the
 * session state, so replay from the same seed gives the same draws on every machine. Pure.
 */

export function seedState(seed: number): number {
  return seed >>> 0;
}

/** Returns a float in [0, 1) and the next state. */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return [value, next];
}

/** Picks an index by integer weights; returns the index and the next state. */
export function pickWeighted(state: number, weights: readonly number[]): [index: number, next: number] {
  const total = weights.reduce((a, b) => a + b, 0);
  const [value, next] = nextRandom(state);
  let target = value * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] ?? 0;
    if (target < 0) return [i, next];
  }
  return [weights.length - 1, next];
}

/**
 * A stream of floats in [0, 1) from a seed, for callers that draw many values at once (a shuffle,
 * decorative scatter). The closure keeps its own state; the same seed gives the same stream.
 */
export function randomStream(seed: number): () => number {
  let state = seedState(seed);
  return () => {
    const [value, next] = nextRandom(state);
    state = next;
    return value;
  };
}
