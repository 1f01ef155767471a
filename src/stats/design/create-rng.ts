import { InputError } from '../../errors.js';

/**
 * A seeded pseudo-random generator for simulations: xoshiro128** 1.1 (Blackman & Vigna,
 * "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021), which uses
 * only 32-bit integer arithmetic and so is fast and bit-identical in every JavaScript engine.
 *
 * Seeding: stream `stream` of seed `seed` starts a splitmix64 generator (Steele, Lea &
 * Flood, OOPSLA 2014) at `seed XOR (stream × 0x9E3779B97F4A7C15) mod 2^64`, and takes the
 * four 32-bit state words from its first two 64-bit outputs (high word first). Simulations
 * derive one stream per chunk of replicates (never per worker), so a result depends only
 * on (seed, chunk size, replicates), not on the number of workers or the machine.
 *
 * Doubles in [0, 1) carry 53 random bits (two 32-bit outputs). Variates:
 * standard normal by the Marsaglia polar method (both values used), gamma by
 * Marsaglia & Tsang (2000, ACM TOMS 26:363-372) with the U^(1/a) boost for shape < 1,
 * binomial by inversion (sequential search, expected n·min(p, 1-p) + 1 steps).
 *
 * @example
 * const rng = createRng(42);
 * [rng.nextUint32(), rng.nextUint32()] // [825760943, 2622800619] on every machine
 */
export function createRng(seed: number | bigint, stream = 0): Rng {
  return new Rng(seed, stream);
}

const MASK64 = (1n << 64n) - 1n;

function splitmix64(state: bigint): [bigint, bigint] {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [next, z ^ (z >> 31n)];
}

/** Seeds accepted: integers in [0, 2^64) (numbers must be safe integers). */
export function checkSeed(seed: number | bigint, argument = 'seed'): bigint {
  if (typeof seed === 'number' && !Number.isSafeInteger(seed))
    throw new InputError(argument, seed, 'a whole number in [0, 2^53)');
  const big = BigInt(seed);
  if (big < 0n || big > MASK64) throw new InputError(argument, seed, 'a whole number in [0, 2^64)');
  return big;
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal = 0;
  private hasSpare = false;

  constructor(seed: number | bigint, stream = 0) {
    const big = checkSeed(seed);
    if (!Number.isSafeInteger(stream) || stream < 0)
      throw new InputError('stream', stream, 'a whole number ≥ 0');
    let state = (big ^ ((BigInt(stream) * 0x9e3779b97f4a7c15n) & MASK64)) & MASK64;
    let a: bigint;
    let b: bigint;
    [state, a] = splitmix64(state);
    [state, b] = splitmix64(state);
    this.s0 = Number(a >> 32n) >>> 0;
    this.s1 = Number(a & 0xffffffffn) >>> 0;
    this.s2 = Number(b >> 32n) >>> 0;
    this.s3 = Number(b & 0xffffffffn) >>> 0;
    // xoshiro must not start from the all-zero state (splitmix64 makes this practically impossible).
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const mul5 = Math.imul(s1, 5);
    const rotl = (mul5 << 7) | (mul5 >>> 25);
    const result = Math.imul(rotl, 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992;
  }

  /** Standard normal (Marsaglia polar method). */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spareNormal;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.nextDouble() - 1;
      v = 2 * this.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    this.hasSpare = true;
    return u * factor;
  }

  /** Gamma(shape, scale 1) by Marsaglia & Tsang; shape < 1 via Gamma(shape + 1)·U^(1/shape). */
  gamma(shape: number): number {
    if (shape < 1) {
      const u = 1 - this.nextDouble(); // (0, 1]
      return this.gamma(shape + 1) * u ** (1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.nextDouble();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (u > 0 && Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Chi-square with `df` degrees of freedom: 2·Gamma(df / 2). */
  chiSquare(df: number): number {
    return 2 * this.gamma(df / 2);
  }

  /** Binomial(n, p) by inversion; uses the smaller of p and 1 - p for speed. */
  binomial(n: number, p: number): number {
    if (p <= 0 || n === 0) return 0;
    if (p >= 1) return n;
    const flip = p > 0.5;
    const q = flip ? 1 - p : p;
    const ratio = q / (1 - q);
    let pmf = (1 - q) ** n;
    let k = 0;
    if (pmf > 1e-300) {
      let u = this.nextDouble();
      while (u >= pmf && k < n) {
        u -= pmf;
        pmf *= (ratio * (n - k)) / (k + 1);
        k += 1;
      }
    } else {
      // (1 - q)^n underflows for very large n: fall back to summing Bernoulli draws.
      for (let i = 0; i < n; i += 1) if (this.nextDouble() < q) k += 1;
    }
    return flip ? n - k : k;
  }
}
