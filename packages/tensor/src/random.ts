/** A seeded pseudo-random generator; the same seed always yields the bit-identical sequence. */
export interface Rng {
  /** Uniform float in `[0, 1)`. */
  next(): number;
  /** Uniform float in `[lo, hi)`: `lo + (hi − lo)·u`. */
  uniform(lo: number, hi: number): number;
  /** Standard normal sample by Box–Muller: `√(−2 ln u₁)·cos(2π u₂)`. */
  normal(mean?: number, std?: number): number;
  /** Uniform integer in `{0, …, n − 1}`: `⌊n·u⌋`. */
  int(n: number): number;
  /** Fisher–Yates shuffle in place; returns the same array: `swap(a[i], a[⌊(i+1)·u⌋])`. */
  shuffle<T extends { length: number; [i: number]: unknown }>(arr: T): T;
}

/** Creates a mulberry32 generator from a 32-bit seed: `x ← x + 0x6D2B79F5`, then xor-shift-multiply mixing. */
export function rng(seed: number): Rng {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal(mean = 0, std = 1) {
      const u = 1 - next();
      return mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    int: (n) => Math.floor(next() * n),
    shuffle(arr) {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = arr[i];
        arr[i] = arr[j];
        arr[j] = tmp;
      }
      return arr;
    },
  };
}
