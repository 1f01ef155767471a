/**
 * The page's calculators: which CLI command each runs, how its options are grouped on the
 * form, a worked example to start from, and the R call that reproduces it. The options
 * themselves (names, help, choices, defaults, validation) are read from the CLI at run time,
 * never listed here: an option left out of every group still appears under "More options".
 */
import { POWER_METHODS, type PowerMethodEntry } from '../../src/stats/index.js';
import { tableAsCsv } from './table-as-csv.js';

export type Values = Readonly<Record<string, string>>;

export interface Calculator {
  /** Key in the URL fragment: `#means?n1=22&…`. */
  id: string;
  title: string;
  /** Section of the navigation. */
  section: 'Compare' | 'Pool' | 'Plan' | 'Plan: more designs' | 'Check';
  /** The CLI command: `['power', 'means']`. */
  command: readonly string[];
  /** Option groups shown first, by long name (without `--`). */
  groups: readonly { title: string; options: readonly string[]; collapsed?: boolean }[];
  /** Values the calculator opens with (a published example). */
  example: Values;
  /** Where the example comes from. */
  exampleSource: string;
  /** A pasted table given to the command as standard input (`meta -`). */
  table?: { example: string; help: string };
  /** The equivalent R call, for a student to reproduce the numbers. */
  rCall: (values: Values) => string;
}

const num = (values: Values, name: string, fallback = 'NA'): string =>
  values[name]?.trim() || fallback;

/** An R string literal. */
const rString = (text: string): string => JSON.stringify(text);

/** `power.t.test(…)` / `power.prop.test(…)` with the given quantities (the missing one is solved for). */
function powerCall(fn: string, quantities: readonly string[], v: Values): string {
  const given = quantities.filter((k) => v[k]?.trim()).map((k) => `${k} = ${v[k].trim()}`);
  const sides = v.alternative && v.alternative !== 'two-sided' ? 'one.sided' : 'two.sided';
  const strict = v.strict === 'true' ? ['strict = TRUE'] : [];
  return `${fn}(${[...given, `sig.level = ${num(v, 'alpha', '0.05')}`, `alternative = "${sides}"`, ...strict].join(', ')})`;
}

/** metafor's argument names for the columns of a pasted table (the CLI's CSV columns). */
const METAFOR_COLUMNS: readonly (readonly [string, string])[] = [
  ['events1', 'ai'],
  ['n1', 'n1i'],
  ['events2', 'ci'],
  ['n2', 'n2i'],
  ['mean1', 'm1i'],
  ['sd1', 'sd1i'],
  ['mean2', 'm2i'],
  ['sd2', 'sd2i'],
  ['events', 'xi'],
  ['n', 'ni'],
  ['yi', 'yi'],
  ['vi', 'vi'],
  ['sei', 'sei'],
];

/** `rma(…)` for the pasted table, or for a bundled dataset written out as CSV first. */
function metaCall(v: Values): string {
  const dataset = v.input && v.input !== '-' ? v.input : undefined;
  const header = (v.table ?? '')
    .split(/\r?\n/)[0]
    .split(/[,\t]/)
    .map((c) => c.trim());
  const columns = dataset
    ? []
    : METAFOR_COLUMNS.filter(([column]) => header.includes(column)).map(
        ([column, arg]) => `${arg} = ${column}`,
      );
  const measure = v.measure || 'RR';
  const ratio = ['RR', 'OR', 'ROM', 'PLO', 'IRR'].includes(measure);
  return [
    dataset
      ? `# trialstat datasets show ${dataset} --format csv > ${dataset}.csv, then escalc() on its arm rows`
      : `dat <- read.csv(text = ${rString(tableAsCsv(v.table ?? ''))})`,
    `res <- metafor::rma(measure = ${rString(measure)}, ${columns.join(', ')}${columns.length ? ', ' : ''}data = dat, method = ${rString(v.method || 'REML')}${v.hk === 'true' ? ', test = "knha"' : ''}, level = ${Number(num(v, 'level', '0.95')) * 100})`,
    ratio ? 'predict(res, transf = exp)  # on the natural scale' : 'predict(res)',
    'forest(res); funnel(res)',
  ].join('\n');
}

const armsExample = {
  n1: '22',
  mean1: '-4.1',
  sd1: '52',
  n2: '22',
  mean2: '-38.5',
  sd2: '52',
};

export const CALCULATORS: readonly Calculator[] = [
  {
    id: 'means',
    title: 'Two means',
    section: 'Compare',
    command: ['means'],
    groups: [
      { title: 'Arm 1', options: ['n1', 'mean1', 'sd1', 'se1'] },
      { title: 'Arm 2', options: ['n2', 'mean2', 'sd2', 'se2'] },
      {
        title: 'Arm 1 as median',
        options: ['median1', 'q1-1', 'q3-1', 'min1', 'max1'],
        collapsed: true,
      },
      {
        title: 'Arm 2 as median',
        options: ['median2', 'q1-2', 'q3-2', 'min2', 'max2'],
        collapsed: true,
      },
      { title: 'Method', options: ['var', 'alternative', 'level', 'smd', 'p', 'derive-sd'] },
    ],
    example: armsExample,
    exampleSource: 'Rapami trial, change in the primary score (datasets/rapami)',
    rCall: (v) => {
      const arm = (k: 1 | 2) =>
        `x(${num(v, `n${k}`)}, ${num(v, `mean${k}`)}, ${v[`sd${k}`]?.trim() || `${num(v, `se${k}`)} * sqrt(${num(v, `n${k}`)})`})`;
      const alternative = v.alternative || 'two-sided';
      return [
        '# Any sample with this n, mean and SD gives the same t-test',
        'x <- function(n, m, s) m + s * scale(seq_len(n))[, 1]',
        `t.test(${arm(1)}, ${arm(2)}, var.equal = ${v.var === 'equal' || (v['derive-sd'] === 'true' && !v.var) ? 'TRUE' : 'FALSE'}, alternative = ${rString(alternative)}, conf.level = ${num(v, 'level', '0.95')})`,
        `metafor::escalc("SMD", m1i = ${num(v, 'mean1')}, sd1i = ${num(v, 'sd1')}, n1i = ${num(v, 'n1')}, m2i = ${num(v, 'mean2')}, sd2i = ${num(v, 'sd2')}, n2i = ${num(v, 'n2')})`,
      ].join('\n');
    },
  },
  {
    id: 'props',
    title: 'Two proportions',
    section: 'Compare',
    command: ['props'],
    groups: [
      { title: 'Arm 1', options: ['events1', 'n1'] },
      { title: 'Arm 2 (comparator)', options: ['events2', 'n2'] },
      { title: 'Intervals', options: ['rd-ci', 'rr-ci', 'or-ci', 'correction', 'level'] },
      { title: 'Tests and NNT', options: ['test', 'alternative', 'events-are', 'attributable'] },
    ],
    example: { events1: '10', n1: '22', events2: '6', n2: '22' },
    exampleSource: 'README: 10/22 vs 6/22',
    rCall: (v) => {
      const [a, n1, c, n2] = ['events1', 'n1', 'events2', 'n2'].map((k) => num(v, k));
      const level = num(v, 'level', '0.95');
      const alternative = rString(v.alternative || 'two-sided');
      return [
        `tab <- matrix(c(${a}, ${n1} - ${a}, ${c}, ${n2} - ${c}), 2, byrow = TRUE)`,
        `fisher.test(tab, alternative = ${alternative}, conf.level = ${level})`,
        `chisq.test(tab, correct = FALSE)`,
        `epiR::epi.2by2(as.table(tab), method = "cohort.count", conf.level = ${level})`,
      ].join('\n');
    },
  },
  {
    id: 'prop',
    title: 'Single proportion',
    section: 'Compare',
    command: ['prop'],
    groups: [{ title: 'Data', options: ['events', 'n', 'ci-method', 'p0', 'level'] }],
    example: { events: '9', n: '22', 'ci-method': 'exact', p0: '0.2' },
    exampleSource: 'README: 9 of 22, exact interval, H0 p = 0.2',
    rCall: (v) =>
      [
        `binom.test(${num(v, 'events')}, ${num(v, 'n')}, p = ${num(v, 'p0', '0.5')}, conf.level = ${num(v, 'level', '0.95')})  # exact (Clopper–Pearson)`,
        `prop.test(${num(v, 'events')}, ${num(v, 'n')}, correct = FALSE, conf.level = ${num(v, 'level', '0.95')})$conf.int  # Wilson`,
      ].join('\n'),
  },
  {
    id: 'meta',
    title: 'Meta-analysis',
    section: 'Pool',
    command: ['meta'],
    groups: [
      { title: 'Model', options: ['measure', 'method', 'hk', 'pi', 'level', 'preset'] },
      { title: 'From a dataset', options: ['outcome', 'comparator'] },
      { title: 'Common effect', options: ['mh', 'peto'] },
      { title: 'Small-study effects', options: ['egger', 'bias', 'trimfill', 'funnel'] },
    ],
    example: { measure: 'RR' },
    exampleSource: 'BCG vaccine trials (Colditz 1994; metadat dat.bcg), first six',
    table: {
      example: [
        'study,events1,n1,events2,n2',
        'Aronson 1948,4,123,11,139',
        'Ferguson & Simes 1949,6,306,29,303',
        'Rosenthal et al 1960,3,231,11,220',
        'Hart & Sutherland 1977,62,13598,248,12867',
        'Frimodt-Moller et al 1973,33,5069,47,5808',
        'Stein & Aronson 1953,180,1541,372,1451',
      ].join('\n'),
      help: 'CSV, or cells copied from a spreadsheet (tab-separated). Columns: binary study,events1,n1,events2,n2; continuous study,n1,mean1,sd1,n2,mean2,sd2; proportions study,events,n; generic study,yi,vi or study,yi,sei.',
    },
    rCall: metaCall,
  },
  {
    id: 'power-means',
    title: 'Power: two means',
    section: 'Plan',
    command: ['power', 'means'],
    groups: [
      { title: 'Design', options: ['delta', 'sd', 'n', 'power', 'alpha', 'alternative'] },
      { title: 'Allocation', options: ['ratio', 'dropout', 'strict'] },
    ],
    example: { delta: '2', sd: '4.6', power: '0.9' },
    exampleSource: 'README: δ = 2, SD 4.6, power 90 %',
    rCall: (v) => powerCall('power.t.test', ['n', 'delta', 'sd', 'power'], v),
  },
  {
    id: 'power-props',
    title: 'Power: two proportions',
    section: 'Plan',
    command: ['power', 'props'],
    groups: [
      { title: 'Design', options: ['p1', 'p2', 'n', 'power', 'alpha', 'alternative', 'method'] },
      { title: 'Allocation', options: ['ratio', 'dropout', 'strict', 'n-max'] },
    ],
    example: { p1: '0.27', p2: '0.45', power: '0.8' },
    exampleSource: 'README: 27 % vs 45 %, power 80 %',
    rCall: (v) => powerCall('power.prop.test', ['n', 'p1', 'p2', 'power'], v),
  },
  {
    id: 'check-percent',
    title: 'Percent ↔ count',
    section: 'Check',
    command: ['consistency', 'percent'],
    groups: [{ title: 'As printed', options: ['percent', 'n', 'n-range', 'decimals'] }],
    example: { percent: '60', n: '11' },
    exampleSource: 'README: no whole count gives 60 % of 11',
    rCall: (v) =>
      `k <- 0:${num(v, 'n')}; k[round(100 * k / ${num(v, 'n')}, ${v.decimals?.trim() || '0'}) == ${num(v, 'percent')}]  # counts that print as ${num(v, 'percent')} % (R rounds half to even)`,
  },
  {
    id: 'check-grim',
    title: 'GRIM',
    section: 'Check',
    command: ['consistency', 'grim'],
    groups: [{ title: 'As printed', options: ['mean', 'n', 'items'] }],
    example: { mean: '5.19', n: '28' },
    exampleSource: 'README: a mean of 5.19 from 28 integer scores',
    rCall: (v) => {
      const total = `${num(v, 'n')} * ${v.items?.trim() || '1'}`;
      const decimals = (num(v, 'mean').split('.')[1] ?? '').length;
      return `sums <- 0:(1000 * ${total}); any(sprintf("%.${decimals}f", sums / (${total})) == "${num(v, 'mean')}")  # GRIM: is the mean reachable?`;
    },
  },
  {
    id: 'check-p',
    title: 'p ↔ CI',
    section: 'Check',
    command: ['consistency', 'p'],
    groups: [
      { title: 'As printed', options: ['estimate', 'lower', 'upper', 'p', 'relation'] },
      { title: 'Assumptions', options: ['level', 'scale', 'df'] },
    ],
    example: { estimate: '-16.3', lower: '-20.4', upper: '-12.1', p: '< 0.0001', level: 'unknown' },
    exampleSource: 'README: −16.3 (−20.4 to −12.1), p < 0.0001, level not stated',
    rCall: (v) => {
      const log = v.scale === 'log';
      const t = (x: string) => (log ? `log(${x})` : x);
      const level = Number(v.level) > 0 ? v.level : '0.95';
      return [
        `se <- (${t(num(v, 'upper'))} - ${t(num(v, 'lower'))}) / (2 * qnorm(1 - (1 - ${level}) / 2))  # Altman & Bland 2011`,
        `2 * pnorm(-abs(${t(num(v, 'estimate'))} / se))`,
      ].join('\n');
    },
  },
  {
    id: 'check-statistic',
    title: 'Statistic ↔ p',
    section: 'Check',
    command: ['consistency', 'statistic'],
    groups: [{ title: 'As printed', options: ['test', 'value', 'df', 'df2', 'p'] }],
    example: { test: 't', value: '2.20', df: '28', p: '.03' },
    exampleSource: 'README: t(28) = 2.20, p = .03',
    rCall: (v) => {
      const test = v.test || 't';
      const df = test === 'F' ? `${num(v, 'df')},${num(v, 'df2')}` : num(v, 'df', '');
      const stat = test === 'chisq' ? 'chi2' : test;
      return `statcheck::statcheck("${stat}(${df}) = ${num(v, 'value')}, p ${/^[<>=]/.test(v.p ?? '') ? '' : '= '}${num(v, 'p')}")`;
    },
  },
];

/** `--d 0.3 --n 50` as field values. */
function argvValues(argv: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) values[name] = 'true';
    else values[name] = argv[++i];
  }
  return values;
}

/**
 * The R call of a power-menu entry: the function its reference names (`as R pwr::pwr.r.test`)
 * with the inputs given. trialstat's input names are pwr's, except α (`sig.level`).
 */
function powerMenuCall(entry: PowerMethodEntry, v: Values): string {
  const fn = /as R ([\w:.]+)/.exec(entry.reference)?.[1];
  const names = [...entry.parameters.map((p) => p.name), 'power'];
  const args = names
    .filter((name) => v[name]?.trim())
    .map((name) => `${name === 'alpha' ? 'sig.level' : name} = ${v[name].trim()}`);
  const choices = entry.choices
    .filter((c) => v[c.name] && v[c.name] !== c.default)
    .map((c) => `${c.name} = ${rString(v[c.name])}`);
  return fn
    ? `${fn}(${[...args, ...choices].join(', ')})`
    : `# No R package here computes this; the reference: ${entry.reference}`;
}

/** One calculator per entry of the power registry (`trialstat power <id>`), in its order. */
export const POWER_MENU_CALCULATORS: readonly Calculator[] = POWER_METHODS.entries.map((entry) => ({
  id: `power-${entry.id}`,
  title: entry.label.replace(/\s*\(.*\)$/, ''),
  section: 'Plan: more designs',
  command: ['power', entry.id],
  groups: [
    {
      title: 'Design',
      options: [
        ...entry.parameters.map((p) => p.name),
        'power',
        ...entry.choices.map((c) => c.name),
        'solve',
      ],
    },
  ],
  example: argvValues(entry.example),
  exampleSource: `trialstat power ${entry.id} --help (${entry.reference})`,
  rCall: (v) => powerMenuCall(entry, v),
}));

/** Every calculator in navigation order: the power menu after the other planning tools. */
export const ALL_CALCULATORS: readonly Calculator[] = (() => {
  const lastPlan = CALCULATORS.map((c) => c.section).lastIndexOf('Plan');
  return [
    ...CALCULATORS.slice(0, lastPlan + 1),
    ...POWER_MENU_CALCULATORS,
    ...CALCULATORS.slice(lastPlan + 1),
  ];
})();
