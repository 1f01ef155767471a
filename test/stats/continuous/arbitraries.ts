import fc from 'fast-check';

/** Random arm summaries for property tests: n ≥ minN, |mean| ≤ 1000, SD in [0.01, 1000]. */
export function armArbitrary(minN: number) {
  return fc.record({
    n: fc.integer({ min: minN, max: 500 }),
    mean: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    sd: fc.double({ min: 0.01, max: 1e3, noNaN: true }),
  });
}
