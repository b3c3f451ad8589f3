/**
 * The one seeded pseudo-random generator of the test suites (mulberry32): randomised tests in
 * every package draw from it, so a failure replays exactly from the seed it prints.
 */

/** Numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export const randomInt = (rand: () => number, n: number): number => Math.floor(rand() * n);

/** One element of a non-empty list. */
export const randomPick = <T>(rand: () => number, xs: readonly T[]): T => xs[randomInt(rand, xs.length)] as T;
