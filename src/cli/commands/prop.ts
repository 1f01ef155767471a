import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatLevel, formatP } from '../../format/number.js';
import { normalQuantile } from '../../stats/dist/normal.js';
import {
  PROPORTION_CI_METHODS,
  proportionCi,
  type ProportionCiMethod,
  type ProportionCiResult,
} from '../../stats/proportion/proportion-ci.js';
import type { CliContext } from '../context.js';
import { explainNumber, formatEstimateLine, formatExplain, withOptionNames, type ExplainStep } from '../explain.js';
import { writeWarnings } from '../messages.js';
import { choice, level, nonNegativeInteger, positiveInteger, probability } from '../options.js';

interface PropOptions {
  events: number;
  n: number;
  ciMethod: ProportionCiMethod;
  p0?: number;
  level: number;
  json?: boolean;
  explain?: boolean;
}

const METHOD_LABEL: Record<ProportionCiMethod, string> = {
  wilson: 'Wilson score',
  exact: 'Clopper–Pearson exact',
  midp: 'mid-p exact',
  jeffreys: 'Jeffreys',
  'agresti-coull': 'Agresti–Coull',
  wald: 'Wald',
};

/** `trialstat prop`: a single proportion with its confidence interval and an exact binomial test. */
export function registerProp(program: Command, context: CliContext): void {
  program
    .command('prop')
    .description('single proportion: confidence interval (Wilson, exact, mid-p, Jeffreys, Agresti–Coull, Wald) and exact binomial test')
    .requiredOption('--events <X>', 'number of events', nonNegativeInteger)
    .requiredOption('--n <N>', 'number of participants', positiveInteger)
    .option('--ci-method <method>', PROPORTION_CI_METHODS.join(' | '), choice(PROPORTION_CI_METHODS), 'wilson')
    .option('--p0 <P>', 'test H0: proportion = P with the exact binomial test (two-sided, as R binom.test)', probability)
    .option('--level <L>', 'confidence level', level, 0.95)
    .option('--json', 'print JSON')
    .option('--explain', 'show the formula and intermediate numbers')
    .addHelpText(
      'after',
      `
Examples:
  $ trialstat prop --events 9 --n 22
  $ trialstat prop --events 10 --n 12 --ci-method exact --p0 0.5
  $ trialstat prop --events 0 --n 15 --ci-method jeffreys --level 0.9 --json`,
    )
    .action((options: PropOptions) => {
      const { io } = context;
      if (options.events > options.n) throw new InputError('--events', options.events, `at most --n (${options.n})`);
      const result = withOptionNames({ events: '--events', n: '--n', level: '--level', p0: '--p0' }, () =>
        proportionCi(options.events, options.n, { method: options.ciMethod, level: options.level, p0: options.p0 }),
      );
      if (options.json) {
        const json = {
          estimate: result.estimate,
          events: result.events,
          n: result.n,
          ci: result.ci,
          test: result.test ? { ...result.test, p0: options.p0 } : null,
          warnings: result.warnings,
        };
        io.stdout(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      const lines = [
        `${formatEstimateLine('Proportion', result.estimate, result.ci)} — ${options.events}/${options.n}, ${METHOD_LABEL[options.ciMethod]}`,
      ];
      if (result.test) lines.push(`Exact binomial test of proportion = ${options.p0}: ${formatP(result.test.p)} (two-sided)`);
      if (options.explain) lines.push('', explainProp(result));
      io.stdout(`${lines.join('\n')}\n`);
      writeWarnings(io, result.warnings);
    });
}

function explainProp(result: ProportionCiResult): string {
  const { events: x, n } = result;
  const alpha = 1 - result.ci.level;
  const z = normalQuantile(1 - alpha / 2);
  const f = explainNumber;
  const steps: ExplainStep[] = [{ label: 'estimate', formula: `x / n = ${x} / ${n}`, value: result.estimate }];
  const method = result.ci.method as ProportionCiMethod;
  switch (method) {
    case 'wilson':
      steps.push({ label: 'z', formula: 'z_{1 − α/2}', value: z });
      steps.push({ label: 'centre', formula: '(x + z²/2) / (n + z²)', value: (x + (z * z) / 2) / (n + z * z) });
      steps.push({ label: 'half-width', formula: 'z √n / (n + z²) × √(p̂(1 − p̂) + z²/(4n))', value: ((z * Math.sqrt(n)) / (n + z * z)) * Math.sqrt(result.estimate * (1 - result.estimate) + (z * z) / (4 * n)) });
      break;
    case 'exact':
      steps.push({ label: 'lower', formula: x === 0 ? '0 when x = 0' : `Beta quantile(α/2; x, n − x + 1) = qbeta(${f(alpha / 2)}, ${x}, ${n - x + 1})` });
      steps.push({ label: 'upper', formula: x === n ? '1 when x = n' : `Beta quantile(1 − α/2; x + 1, n − x) = qbeta(${f(1 - alpha / 2)}, ${x + 1}, ${n - x})` });
      break;
    case 'jeffreys':
      steps.push({ label: 'lower', formula: x === 0 ? '0 when x = 0' : `qbeta(${f(alpha / 2)}, x + ½, n − x + ½)` });
      steps.push({ label: 'upper', formula: x === n ? '1 when x = n' : `qbeta(${f(1 - alpha / 2)}, x + ½, n − x + ½)` });
      break;
    case 'midp':
      steps.push({ label: 'lower', formula: x === 0 ? '0 when x = 0' : `π with P[X > x] + ½P[X = x] = α/2 = ${f(alpha / 2)}` });
      steps.push({ label: 'upper', formula: x === n ? '1 when x = n' : `π with P[X < x] + ½P[X = x] = α/2 = ${f(alpha / 2)}` });
      break;
    case 'agresti-coull':
      steps.push({ label: 'z', formula: 'z_{1 − α/2}', value: z });
      steps.push({ label: 'ñ', formula: 'n + z²', value: n + z * z });
      steps.push({ label: 'p̃', formula: '(x + z²/2) / ñ', value: (x + (z * z) / 2) / (n + z * z) });
      steps.push({ label: 'limits', formula: 'p̃ ± z √(p̃(1 − p̃)/ñ), clipped to [0, 1]' });
      break;
    case 'wald':
      steps.push({ label: 'z', formula: 'z_{1 − α/2}', value: z });
      steps.push({ label: 'SE', formula: '√(p̂(1 − p̂)/n)', value: Math.sqrt((result.estimate * (1 - result.estimate)) / n) });
      steps.push({ label: 'limits', formula: 'p̂ ± z × SE, clipped to [0, 1]' });
      break;
  }
  steps.push({ label: `${formatLevel(result.ci.level)} CI`, value: `${f(result.ci.lower)} to ${f(result.ci.upper)}` });
  if (result.test) {
    steps.push({ label: 'binomial test', formula: 'sum of P[X = k] over outcomes k no more likely than x under p0', value: result.test.p });
  }
  return formatExplain(METHOD_LABEL[method], steps);
}
