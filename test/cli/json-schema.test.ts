import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandTree } from '../support/command-tree.js';
import { useTempDirs } from '../support/temp-dirs.js';
import { COMMAND_SCHEMAS, schemaDocuments } from '../../src/cli/json-schemas.js';
import { array, num, object, schemaOf, str } from '../../src/format/json-schema.js';
import { validate } from '../support/json-schema-validate.js';
import { runCli } from '../support/cli.js';

/**
 * Every command's --json output validates against its JSON Schema (schemas/*.schema.json).
 * The schemas are written from src/cli/json-schemas.ts, where the compiler checks each against
 * the command's TypeScript result type; the committed files must be current.
 */
const documents = schemaDocuments();

const tempDir = useTempDirs('trialstat-json-schema');
let tmp = '';

describe('--json output validates against its schema', () => {
  beforeAll(() => {
    tmp = tempDir();
  });
  // In order: `report` builds into <tmp> what `verify` then reads.
  for (const command of COMMAND_SCHEMAS) {
    it(`trialstat ${command.example.join(' ')}`, async () => {
      const r = await runCli(command.example.map((word) => word.replace('<tmp>', tmp)));
      expect(r.stderr.includes('trialstat:'), r.stderr).toBe(false);
      const json: unknown = JSON.parse(r.stdout);
      expect(validate(json, documents[`${command.id}.schema.json`])).toEqual([]);
    });
  }
});

/** Every command path whose command has a --json option: 'means', 'power means', … */
async function jsonCommands(): Promise<string[]> {
  return (await commandTree())
    .filter(({ command }) => command.options.some((o) => o.long === '--json'))
    .map(({ path }) => path.join(' '));
}

describe('every command with --json has a schema and an example checked above', () => {
  it('each --json command is the example of at least one schema', async () => {
    const commands = await jsonCommands();
    expect(commands.length).toBeGreaterThan(35);
    const covered = (path: string) =>
      COMMAND_SCHEMAS.some((c) => c.example.slice(0, path.split(' ').length).join(' ') === path);
    expect(commands.filter((path) => !covered(path))).toEqual([]);
  });
});

describe('schemas/', () => {
  it('holds exactly the generated schemas (node scripts/write-json-schemas.mjs after npm run build)', () => {
    const files = readdirSync('schemas')
      .filter((f) => f.endsWith('.schema.json'))
      .sort();
    expect(files).toEqual(Object.keys(documents).sort());
    for (const file of files)
      expect(JSON.parse(readFileSync(`schemas/${file}`, 'utf8')), file).toEqual(documents[file]);
  });

  it('numbers may be "Infinity", "-Infinity" or "NaN" (the encoder), other strings are rejected', () => {
    const doc = documents['means.schema.json'];
    const ok = {
      arms: [],
      md: {
        estimate: 1,
        se: 1,
        df: 1,
        statistic: 1,
        p: 0.5,
        test: 't',
        alternative: 'greater',
        ci: { lower: 0, upper: 'Infinity', level: 0.95, method: 'welch-t' },
      },
      smd: {
        estimate: 1,
        se: 1,
        variance: 1,
        variant: 'hedges-g',
        correction: 1,
        standardizer: 1,
        ci: { lower: 0, upper: 2, level: 0.95, method: 'x' },
      },
      derivations: [],
      warnings: [],
    };
    expect(validate(ok, doc)).toEqual([]);
    const bad = { ...ok, md: { ...ok.md, ci: { ...ok.md.ci, upper: 'inf' } } };
    expect(validate(bad, doc)[0]).toMatch(/^\$\.md\.ci\.upper: matches none of anyOf/);
    const missing = { ...ok, md: { ...ok.md, p: undefined } };
    expect(validate(JSON.parse(JSON.stringify(missing)), doc)).toEqual([
      '$.md.p: required, missing',
    ]);
  });

  it('the compiler rejects a schema that does not fit its type', () => {
    type Result = { p: number; names: string[] };
    schemaOf<Result>()(object({ p: num(), names: array(str()) }));
    // @ts-expect-error a field the type does not have
    schemaOf<Result>()(object({ q: num() }));
    // @ts-expect-error a field of another type
    schemaOf<Result>()(object({ p: str() }));
  });
});
