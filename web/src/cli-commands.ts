import type { CommandEntry, RegisterCommand } from '../../src/cli/commands/index.js';

/**
 * The page's stand-in for src/cli/commands/index.ts (web/build.mjs substitutes it): the
 * subcommands the calculators run, registered by the CLI's own modules, so every option,
 * default, choice and message is the CLI's. Commands that write files, spawn workers or
 * render with vega (report, verify, simulate, scan) are left out of the page.
 */
export const commands: readonly CommandEntry[] = [
  {
    name: 'datasets',
    load: async () => (await import('../../src/cli/commands/datasets.js')).registerDatasets,
  },
  {
    name: 'means',
    load: async () => (await import('../../src/cli/commands/means.js')).registerMeans,
  },
  {
    name: 'props',
    load: async () => (await import('../../src/cli/commands/props.js')).registerProps,
  },
  { name: 'prop', load: async () => (await import('../../src/cli/commands/prop.js')).registerProp },
  {
    name: 'compare',
    load: async () => (await import('../../src/cli/commands/compare.js')).registerCompare,
  },
  { name: 'meta', load: async () => (await import('../../src/cli/commands/meta.js')).registerMeta },
  {
    name: 'consistency',
    load: async () => (await import('../../src/cli/commands/consistency.js')).registerConsistency,
  },
  {
    name: 'fragility',
    load: async () => (await import('../../src/cli/commands/fragility.js')).registerFragility,
  },
  {
    name: 'power',
    load: async () => (await import('../../src/cli/commands/power.js')).registerPower,
  },
];

/** As src/cli/commands/index.ts: the named command's module, or every one. */
export async function loadCommands(argv: readonly string[]): Promise<RegisterCommand[]> {
  const first = argv.find((word) => !word.startsWith('-'));
  const named = commands.find((entry) => entry.name === first);
  return Promise.all((named ? [named] : commands).map((entry) => entry.load()));
}
