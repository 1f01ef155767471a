import { freeze } from '../types.js';
import {
  computeEffectSizes,
  inputKind,
  type MetaInput,
  type MetaMeasure,
} from './compute-effect-sizes.js';
import type { BinaryStudy } from './binary-effect-sizes.js';
import { mantelHaenszel } from './mantel-haenszel.js';
import { metaAnalysis, type MetaAnalysisResult } from './meta-analysis.js';
import {
  PRESETS,
  PRESET_NAMES,
  presetOptions,
  type MetaPreset,
  type PresetName,
} from './presets.js';

export interface PresetRow {
  preset: PresetName;
  settings: string;
  result: MetaAnalysisResult;
  fixed: { method: 'MH' | 'IV'; estimate: number; ci: { lower: number; upper: number } };
}

export interface PresetDifference {
  quantity: string;
  values: Partial<Record<PresetName, number | null>>;
  /** The settings that differ between the presets that disagree. */
  reason: string;
}

export interface PresetComparison {
  measure: MetaMeasure;
  rows: PresetRow[];
  differences: PresetDifference[];
}

type Setting = 'method' | 'test' | 'pi' | 'i2' | 'binaryFixed' | 'heterogeneityQ';
const SETTING_LABEL: Record<Setting, string> = {
  method: 'τ² estimator',
  test: 'test / CI',
  pi: 'prediction interval',
  i2: 'I² from',
  binaryFixed: 'common-effect method',
  heterogeneityQ: 'Q centred on',
};

/**
 * Runs every preset on the same data and lists each quantity on which they disagree (beyond
 * 1e-9 relative), with the settings that explain the difference.
 * @example comparePresets(bcg, 'RR').differences.map((d) => d.quantity) // ['tau2', 'estimate', 'ci.lower', 'ci.upper', 'p', 'I2', 'pi.lower', 'pi.upper', 'fixed.estimate']
 */
export function comparePresets(
  data: MetaInput,
  measure: MetaMeasure,
  options: { level?: number } = {},
): PresetComparison {
  const { level = 0.95 } = options;
  const effects = computeEffectSizes(data, measure);
  const binary = inputKind(measure) === 'binary';
  const rows: PresetRow[] = PRESET_NAMES.map((name) => {
    const preset = PRESETS[name];
    const result = metaAnalysis(effects, { ...presetOptions(name, data, measure), level });
    const useMh = binary && preset.binaryFixed === 'MH' && effects.studies.length > 0;
    const fixedFit = useMh
      ? mantelHaenszel(data as readonly BinaryStudy[], measure as 'RR' | 'OR' | 'RD', { level })
      : metaAnalysis(effects, { method: 'FE', level, pi: 'none', tau2Interval: false });
    return {
      preset: name,
      settings: describe(preset),
      result,
      fixed: {
        method: useMh ? 'MH' : 'IV',
        estimate: fixedFit.estimate,
        ci: { lower: fixedFit.ci.lower, upper: fixedFit.ci.upper },
      },
    };
  });
  const quantities: {
    quantity: string;
    get: (r: PresetRow) => number | null;
    settings: Setting[];
  }[] = [
    { quantity: 'tau2', get: (r) => r.result.tau2, settings: ['method', 'heterogeneityQ'] },
    { quantity: 'estimate', get: (r) => r.result.estimate, settings: ['method'] },
    { quantity: 'ci.lower', get: (r) => r.result.ci.lower, settings: ['method', 'test'] },
    { quantity: 'ci.upper', get: (r) => r.result.ci.upper, settings: ['method', 'test'] },
    { quantity: 'p', get: (r) => r.result.p, settings: ['method', 'test'] },
    { quantity: 'I2', get: (r) => r.result.I2, settings: ['i2', 'method', 'heterogeneityQ'] },
    {
      quantity: 'pi.lower',
      get: (r) => r.result.pi?.lower ?? null,
      settings: ['pi', 'method', 'test'],
    },
    {
      quantity: 'pi.upper',
      get: (r) => r.result.pi?.upper ?? null,
      settings: ['pi', 'method', 'test'],
    },
    { quantity: 'fixed.estimate', get: (r) => r.fixed.estimate, settings: ['binaryFixed'] },
  ];
  const differences: PresetDifference[] = [];
  for (const q of quantities) {
    const values = rows.map((r) => q.get(r));
    const first = values[0];
    const same = values.every(
      (v) =>
        (v === null && first === null) ||
        (v !== null &&
          first !== null &&
          Math.abs(v - first) <= 1e-9 * Math.max(1, Math.abs(first))),
    );
    if (same) continue;
    // Binary-only settings explain nothing for other measures.
    const relevant = binary
      ? q.settings
      : q.settings.filter((s) => s !== 'binaryFixed' && s !== 'heterogeneityQ');
    const reasons = relevant
      .map((s) =>
        settingDifference(
          s,
          rows.map((r) => PRESETS[r.preset]),
        ),
      )
      .filter((t): t is string => t !== null);
    differences.push({
      quantity: q.quantity,
      values: Object.fromEntries(rows.map((r, i) => [r.preset, values[i]])),
      reason: reasons.length > 0 ? reasons.join('; ') : 'propagated from τ²',
    });
  }
  return freeze({ measure, rows, differences });
}

function settingValue(p: MetaPreset, s: Setting): string {
  return s === 'binaryFixed' || s === 'heterogeneityQ' ? p[s] : String(p.options[s]);
}

function settingDifference(s: Setting, presets: MetaPreset[]): string | null {
  const byValue = new Map<string, string[]>();
  for (const p of presets) {
    const v = settingValue(p, s);
    byValue.set(v, [...(byValue.get(v) ?? []), p.name]);
  }
  if (byValue.size < 2) return null;
  return `${SETTING_LABEL[s]}: ${[...byValue].map(([v, names]) => `${v} (${names.join(', ')})`).join(' vs ')}`;
}

function describe(p: MetaPreset): string {
  return `${p.options.method}, ${p.options.test}, PI ${p.options.pi}, I² from ${p.options.i2 === 'Q' ? 'Q' : 'τ²'}, common effect ${p.binaryFixed}`;
}
