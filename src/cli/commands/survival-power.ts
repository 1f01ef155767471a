import type { Command } from 'commander';
import { formatJson } from '../../format/json.js';
import { InputError } from '../../errors.js';
import { formatNumber } from '../../format/number.js';
import {
  SURVIVAL_EVENTS_METHODS,
  survivalPower,
  survivalSampleSize,
  type SurvivalDesignOptions,
  type SurvivalEventsMethod,
} from '../../stats/survival/survival-design.js';
import type { CliContext } from '../context.js';
import { formatExplain, withOptionNames } from '../explain.js';
import { choice, level, nonNegativeNumber, positiveNumber, probability } from '../options.js';

interface Options {
  hr: number;
  alpha: number;
  sided: '1' | '2';
  power?: number;
  events?: number;
  n?: number;
  ratio: number;
  method: SurvivalEventsMethod;
  median2?: number;
  lambda2?: number;
  accrual?: number;
  followUp?: number;
  dropout1?: number;
  dropout2?: number;
  dropoutTime?: number;
  json?: boolean;
  explain?: boolean;
}

const NAMES: Record<string, string> = {
  hazardRatio: '--hr',
  alpha: '--alpha',
  power: '--power',
  events: '--events',
  n: '--n',
  allocationRatio: '--ratio',
  lambda2: '--lambda2',
  median2: '--median2',
  accrualTime: '--accrual',
  followUpTime: '--follow-up',
  dropoutRate1: '--dropout1',
  dropoutRate2: '--dropout2',
};

/**
 * Time-to-event power and sample size (`trialstat power survival`, also `trialstat survival
 * power`): events for a target HR (Schoenfeld, Freedman) and patients under uniform accrual,
 * exponential survival and dropout (Lachin & Foulkes), or power for a number of events — as rpact.
 */
export function registerSurvivalPower(
  parent: Command,
  context: CliContext,
  name = 'survival',
): void {
  const path = `trialstat ${parent.name()} ${name}`;
  parent
    .command(name)
    .description(
      'time to event: events and patients for a target HR (Schoenfeld/Freedman, Lachin–Foulkes accrual), or power for a number of events (as rpact)',
    )
    .requiredOption('--hr <HR>', 'target hazard ratio, treatment vs control', positiveNumber)
    .option(
      '--alpha <a>',
      'significance level (one-sided 0.025 by default; with --sided 2 the two-sided level)',
      level,
      0.025,
    )
    .option('--sided <s>', '1 or 2', choice(['1', '2'] as const), '1')
    .option(
      '--power <P>',
      'target power: solve for events and patients (default 0.8 unless --events)',
      probability,
    )
    .option('--events <D>', 'number of events: solve for power', positiveNumber)
    .option(
      '--n <N>',
      'with --events, --accrual and a control hazard: the follow-up needed',
      positiveNumber,
    )
    .option('--ratio <r>', 'allocation ratio treatment:control', positiveNumber, 1)
    .option(
      '--method <m>',
      `events formula: ${SURVIVAL_EVENTS_METHODS.join(', ')}`,
      choice(SURVIVAL_EVENTS_METHODS),
      'schoenfeld',
    )
    .option(
      '--median2 <M>',
      'control median survival (exponential), for the number of patients',
      positiveNumber,
    )
    .option('--lambda2 <λ>', 'control hazard per time unit, instead of --median2', positiveNumber)
    .option('--accrual <A>', 'uniform accrual duration', nonNegativeNumber)
    .option('--follow-up <F>', 'follow-up after the end of accrual', nonNegativeNumber)
    .option('--dropout1 <p>', 'treatment-arm dropout probability by --dropout-time', probability)
    .option('--dropout2 <p>', 'control-arm dropout probability by --dropout-time', probability)
    .option(
      '--dropout-time <T>',
      'time at which the dropout probabilities hold (default 1 time unit)',
      positiveNumber,
    )
    .option('--json', 'print JSON')
    .option('--explain', 'show the formulas')
    .addHelpText(
      'after',
      `
Examples:
  $ ${path} --hr 0.7 --power 0.8 --median2 12 --accrual 24 --follow-up 12
  $ ${path} --hr 0.7 --power 0.8 --ratio 2 --method freedman --json
  $ ${path} --hr 0.75 --events 300 --alpha 0.05 --sided 2
  $ ${path} --hr 0.7 --events 250 --n 400 --median2 12 --accrual 24`,
    )
    .action((options: Options) => {
      const { io } = context;
      if (options.power !== undefined && options.events !== undefined)
        throw new InputError(
          '--events',
          options.events,
          'either --power (solve for events) or --events (solve for power), not both',
        );
      const common: SurvivalDesignOptions = {
        hazardRatio: options.hr,
        alpha: options.alpha,
        sided: Number(options.sided) as 1 | 2,
        allocationRatio: options.ratio,
        method: options.method,
        ...(options.median2 !== undefined ? { median2: options.median2 } : {}),
        ...(options.lambda2 !== undefined ? { lambda2: options.lambda2 } : {}),
        ...(options.accrual !== undefined ? { accrualTime: options.accrual } : {}),
        ...(options.followUp !== undefined ? { followUpTime: options.followUp } : {}),
        ...(options.dropout1 !== undefined ? { dropoutRate1: options.dropout1 } : {}),
        ...(options.dropout2 !== undefined ? { dropoutRate2: options.dropout2 } : {}),
        ...(options.dropoutTime !== undefined ? { dropoutTime: options.dropoutTime } : {}),
      };
      if (options.events !== undefined) {
        const { followUpTime: _f, ...rest } = common;
        const r = withOptionNames(NAMES, () =>
          survivalPower({
            ...rest,
            events: options.events as number,
            ...(options.n !== undefined ? { n: options.n } : {}),
          }),
        );
        if (options.json) {
          io.stdout(formatJson(r));
          return;
        }
        const eventsText = Number.isInteger(r.events)
          ? String(r.events)
          : formatNumber(r.events, { digits: 6 });
        const lines = [
          `Power ${formatNumber(r.power, { digits: 4 })} with ${eventsText} events (${r.method}, HR ${options.hr}, α ${options.alpha} ${options.sided}-sided)`,
        ];
        if (r.followUpTime !== undefined)
          lines.push(
            `Follow-up after accrual for ${eventsText} events among ${options.n} patients: ${formatNumber(r.followUpTime, { digits: 4 })}`,
          );
        if (options.explain)
          lines.push(
            '',
            formatExplain(r.method, [{ label: 'power', formula: r.formula, value: r.power }]),
          );
        io.stdout(`${lines.join('\n')}\n`);
        return;
      }
      const r = withOptionNames(NAMES, () =>
        survivalSampleSize({ ...common, power: options.power ?? 0.8 }),
      );
      if (options.json) {
        io.stdout(formatJson(r));
        return;
      }
      const lines = [
        `Events: ${Math.ceil(r.events - 1e-9)} (${formatNumber(r.events, { digits: 6 })}; ${r.method}, HR ${options.hr}, power ${r.power}, α ${options.alpha} ${options.sided}-sided, ratio ${options.ratio})`,
      ];
      if (r.n !== undefined) {
        lines.push(
          `Patients: ${Math.ceil(r.n - 1e-9)} (${formatNumber(r.n, { digits: 6 })}: ${formatNumber(r.n1 as number, { digits: 6 })} treatment, ${formatNumber(r.n2 as number, { digits: 6 })} control); P(event) ${formatNumber(r.eventProbability![0], { digits: 4 })} and ${formatNumber(r.eventProbability![1], { digits: 4 })}`,
        );
      } else lines.push('Patients: give --median2 (or --lambda2), --accrual and --follow-up');
      if (options.explain) {
        lines.push(
          '',
          formatExplain(r.method, [
            { label: 'events', formula: r.formula, value: r.events },
            {
              label: 'P(event), per arm',
              formula:
                'λ/(λ+γ) · [1 − (e^{−(λ+γ)F} − e^{−(λ+γ)(A+F)}) / ((λ+γ)A)] (Lachin & Foulkes 1986; γ dropout hazard)',
            },
            {
              label: 'patients',
              formula: 'events / (w₁P₁ + w₂P₂), w₁ = r/(1+r)',
              value: r.n ?? 'not computed',
            },
            { label: 'reference', value: r.reference },
          ]),
        );
      }
      io.stdout(`${lines.join('\n')}\n`);
    });
}
