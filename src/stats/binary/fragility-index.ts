import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { validateTable, type TwoByTwo } from './table.js';
import { TWO_ARM_TESTS, type TwoArmTestId } from './two-arm-tests.js';

export interface FragilityOptions {
  /** Significance level (default 0.05; p < α is significant). */
  alpha?: number;
  /** Two-sided test from TWO_ARM_TESTS (default 'fisher', as Walsh et al.). */
  test?: TwoArmTestId;
  /**
   * 'walsh' (default): for a significant result, events are added to the arm with fewer events
   * (Walsh 2014); for a non-significant one (reverse index), the smaller of the two changes that
   * widen the difference (fewer events in that arm, or more in the other). 'any': the fewest
   * changes of event status in one arm, either arm, either direction.
   */
  modify?: 'walsh' | 'any';
}

export interface FragilityResult {
  table: TwoByTwo;
  test: TwoArmTestId;
  alpha: number;
  /** p of the observed table. */
  p: number;
  significant: boolean;
  /** 'fragility' when the observed result is significant, else 'reverse'. */
  kind: 'fragility' | 'reverse';
  /** Changes of event status that flip significance; null when no change within the arm can. */
  index: number | null;
  /** index / (n1 + n2) (Ahmed W et al. 2016): the fragility quotient. */
  quotient: number | null;
  /** The modified arm (1 or 2) and whether events were added (+1) or removed (−1). */
  arm: 1 | 2 | null;
  change: 1 | -1 | null;
  /** The first table whose significance differs, and its p. */
  modified: TwoByTwo | null;
  pModified: number | null;
}

type Move = { arm: 1 | 2; change: 1 | -1 };

/** Changes tried one by one before the search gallops (large trials can need thousands). */
const SEQUENTIAL = 64;

/**
 * The first k ≤ limit at which `flips(moved(table, m, k))`: k = 1..64 one by one (exact, as the
 * definition), then doubling and bisection, which assumes p moves monotonically with k there —
 * true of the tests here as the arms' proportions approach (or leave) each other.
 */
function firstFlip(
  table: TwoByTwo,
  m: Move,
  flips: (t: TwoByTwo | null) => boolean,
  limit: number,
): number | null {
  const n = m.arm === 1 ? table.n1 : table.n2;
  const events = m.arm === 1 ? table.events1 : table.events2;
  const kMax = Math.min(limit, m.change === 1 ? n - events : events);
  for (let k = 1; k <= Math.min(kMax, SEQUENTIAL); k += 1) if (flips(moved(table, m, k))) return k;
  if (kMax <= SEQUENTIAL) return null;
  let lo = SEQUENTIAL;
  let hi = lo;
  for (;;) {
    hi = Math.min(kMax, hi * 2);
    if (flips(moved(table, m, hi))) break;
    if (hi === kMax) return null;
    lo = hi;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (flips(moved(table, m, mid))) hi = mid;
    else lo = mid;
  }
  return hi;
}

function moved(t: TwoByTwo, m: Move, k: number): TwoByTwo | null {
  const events = (m.arm === 1 ? t.events1 : t.events2) + m.change * k;
  const n = m.arm === 1 ? t.n1 : t.n2;
  if (events < 0 || events > n) return null;
  return m.arm === 1 ? { ...t, events1: events } : { ...t, events2: events };
}

/**
 * The fragility index (Walsh M, Srinathan SK, McAuley DF, et al. The statistical significance of
 * randomized controlled trial results is frequently fragile: a case for a Fragility Index.
 * J Clin Epidemiol 2014;67:622–628): the smallest number of patients in the arm with fewer
 * events whose status would have to change from non-event to event for the two-sided Fisher
 * p to reach α. For a non-significant result, the reverse fragility index: the fewest changes
 * that make p < α. Fragility quotient = index / total N.
 * @example fragilityIndex({ events1: 1, n1: 100, events2: 9, n2: 100 }).index // 1 (p 0.018 → 2/100 vs 9/100, p 0.059)
 */
export function fragilityIndex(table: TwoByTwo, options: FragilityOptions = {}): FragilityResult {
  validateTable(table);
  const { alpha = 0.05, test = 'fisher', modify = 'walsh' } = options;
  if (!(alpha > 0 && alpha < 1)) throw new InputError('alpha', alpha, 'a level in (0, 1)');
  const entry = TWO_ARM_TESTS.get(test);
  const pOf = (t: TwoByTwo): number | null => entry.run(t, 'two-sided');
  const p0 = pOf(table);
  if (p0 === null)
    throw new InputError(
      'test',
      test,
      `a test defined for ${table.events1}/${table.n1} vs ${table.events2}/${table.n2}`,
    );
  const significant = p0 < alpha;
  const fewer: 1 | 2 = table.events1 <= table.events2 ? 1 : 2;
  const more: 1 | 2 = fewer === 1 ? 2 : 1;
  let moves: Move[];
  if (modify === 'any')
    moves = [
      { arm: fewer, change: significant ? 1 : -1 },
      { arm: more, change: significant ? -1 : 1 },
      { arm: fewer, change: significant ? -1 : 1 },
      { arm: more, change: significant ? 1 : -1 },
    ];
  else if (significant) moves = [{ arm: fewer, change: 1 }];
  else
    moves = [
      { arm: fewer, change: -1 },
      { arm: more, change: 1 },
    ];
  const flips = (t: TwoByTwo | null) => {
    if (!t) return false;
    const p = pOf(t);
    return p !== null && (significant ? p >= alpha : p < alpha);
  };
  let best: { k: number; m: Move } | null = null;
  for (const m of moves) {
    const k = firstFlip(table, m, flips, best ? best.k - 1 : Infinity);
    if (k !== null && (!best || k < best.k)) best = { k, m };
  }
  const base = {
    table: { ...table },
    test,
    alpha,
    p: p0,
    significant,
    kind: significant ? ('fragility' as const) : ('reverse' as const),
  };
  if (!best)
    return freeze({
      ...base,
      index: null,
      quotient: null,
      arm: null,
      change: null,
      modified: null,
      pModified: null,
    });
  const t = moved(table, best.m, best.k)!;
  return freeze({
    ...base,
    index: best.k,
    quotient: best.k / (table.n1 + table.n2),
    arm: best.m.arm,
    change: best.m.change,
    modified: t,
    pModified: pOf(t),
  });
}
