import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layerViolations, readSources, specifiers } from './support/layer-rules.js';

/**
 * The rules of docs/architecture.md, enforced: src/stats imports nothing from data/, report/,
 * cli/, format/ (nor io/, parallel/, analysis/) and no Node built-in; only src/cli writes to
 * stdout/stderr (console.*, process.stdout, process.stderr); only src/report imports vega.
 */

/**
 * Known breaks being removed: the dataset → comparison code still in src/stats imports the
 * dataset row types (type-only, so the browser bundle is unaffected); it moves to src/analysis.
 * An entry that no longer breaks a rule fails the test, so this list can only shrink.
 */
const KNOWN: readonly string[] = [
  'src/stats/compare/compare-dataset.ts: stats imports from data/ (../../data/load-dataset.js)',
  'src/stats/compare/compare-dataset.ts: stats imports from data/ (../../data/index.js)',
  'src/stats/check/check-dataset.ts: stats imports from data/ (../../data/load-dataset.js)',
  'src/stats/check/check-dataset.ts: stats imports from data/ (../../data/index.js)',
];

describe('layer rules', () => {
  const problems = layerViolations(readSources(process.cwd(), 'src'));

  it('src/ keeps the layer rules', () => {
    expect(problems.filter((p) => !KNOWN.includes(p))).toEqual([]);
  });

  it('the known exceptions still exist (remove them from KNOWN once fixed)', () => {
    // A file that was moved away (to src/analysis) takes its exception with it.
    for (const known of KNOWN.filter((k) => existsSync(k.slice(0, k.indexOf(':')))))
      expect(problems, known).toContain(known);
  });

  it('catches each kind of break (the checker can fail)', () => {
    const bad = layerViolations([
      {
        path: 'src/stats/x.ts',
        text: "import { readFileSync } from 'node:fs';\nimport { formatP } from '../format/number.js';\nexport const f = () => console.log(1);",
      },
      {
        path: 'src/stats/meta/y.ts',
        text: "import type { Dataset } from '../../data/load-dataset.js';\nconst m = await import('../../report/html.js');",
      },
      { path: 'src/data/z.ts', text: "import * as vega from 'vega';\nprocess.stderr.write('x');" },
      {
        path: 'src/format/w.ts',
        text: "export { compile } from 'vega-lite';\nprocess . stdout.write('x');",
      },
    ]);
    expect(bad).toEqual([
      'src/stats/x.ts: stats imports a Node built-in (node:fs)',
      'src/stats/x.ts: stats imports from format/ (../format/number.js)',
      'src/stats/x.ts: only cli/ writes to the terminal (console.log)',
      'src/stats/meta/y.ts: stats imports from data/ (../../data/load-dataset.js)',
      'src/stats/meta/y.ts: stats imports from report/ (../../report/html.js)',
      'src/data/z.ts: only report/ may import vega (vega)',
      'src/data/z.ts: only cli/ writes to the terminal (process.stderr)',
      'src/format/w.ts: only report/ may import vega (vega-lite)',
      'src/format/w.ts: only cli/ writes to the terminal (process.stdout)',
    ]);
  });

  it('allows what the rules allow', () => {
    expect(
      layerViolations([
        {
          path: 'src/stats/x.ts',
          text: "import { InputError } from '../errors.js';\nimport { normalCdf } from './dist/index.js';\n/** never console.log here; node:fs neither */",
        },
        { path: 'src/cli/main.ts', text: "console.error('x'); process.stdout.write('y');" },
        {
          path: 'src/report/render.ts',
          text: "import * as vega from 'vega';\nconst vl = await import('vega-lite');",
        },
      ]),
    ).toEqual([]);
    expect(
      specifiers(
        "import a from 'a';\nexport * from './b.js';\nimport './c.js';\nawait import('d');",
      ),
    ).toEqual(['a', './b.js', './c.js', 'd']);
  });
});
