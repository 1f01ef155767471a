import { InputError } from '../errors.js';

/**
 * One method of a family (a CI method, a test, a τ² estimator, …). Everything that lists
 * methods — CLI choices, report option schemas, the fingerprint search space, `--explain`,
 * the methods text of reports — reads these fields, so a method is added by adding one entry.
 */
export interface MethodEntry<Id extends string = string, Run = unknown> {
  /** What users type: `--rr-ci koopman`, `method: koopman` in a report spec. */
  readonly id: Id;
  /** Display name for help and methods text, e.g. `Koopman score`. */
  readonly label: string;
  /** The formula in plain Unicode, for `--explain` and the methods text of reports. */
  readonly formula: string;
  /** Where the method is defined (and which R function reproduces it). */
  readonly reference: string;
  /** The string results carry in `ci.method` (defaults to `id`). */
  readonly resultMethod?: string;
  /** The computation. Its signature is fixed per family. */
  readonly run: Run;
}

/** A family of methods in preference order (the first is the default unless `defaultId`). */
export interface MethodRegistry<E extends MethodEntry> {
  /** e.g. `risk-ratio interval`: used in error messages. */
  readonly family: string;
  /** The entries, with `resultMethod` filled in (it is the id where the entry has none). */
  readonly entries: readonly Resolved<E>[];
  /** The ids in order, for CLI choices and enum schemas. */
  readonly ids: readonly E['id'][];
  readonly defaultId: E['id'];
  /** The entry for an id; throws InputError naming `argument` when there is none. */
  get(id: string, argument?: string): Resolved<E>;
  has(id: string): id is E['id'];
  /** The entry whose results carry `ci.method === name` (or whose id is `name`). */
  byResultMethod(name: string): Resolved<E> | undefined;
}

/** An entry as a registry holds it: `resultMethod` always present. */
export type Resolved<E extends MethodEntry> = E & { readonly resultMethod: string };

/**
 * Builds a registry from its entries (ids must be unique). `const` keeps the ids literal, so
 * `MethodId<typeof REGISTRY>` is the union of ids and a new entry widens it by itself.
 * @example defineMethods('demo', [{ id: 'a', label: 'A', formula: 'x', reference: 'r', run: () => 1 }]).ids // ['a']
 */
export function defineMethods<const E extends readonly MethodEntry[]>(
  family: string,
  entries: E,
  defaultId: E[number]['id'] = entries[0].id,
): MethodRegistry<E[number]> {
  type Entry = Resolved<E[number]>;
  const resolved = Object.freeze(
    entries.map((entry) =>
      Object.freeze({ ...entry, resultMethod: entry.resultMethod ?? entry.id }),
    ),
  ) as readonly Entry[];
  const byId = new Map<string, Entry>();
  for (const entry of resolved) {
    if (byId.has(entry.id)) throw new Error(`${family}: duplicate method id ${entry.id}`);
    byId.set(entry.id, entry);
  }
  if (!byId.has(defaultId)) throw new Error(`${family}: default ${defaultId} is not an entry`);
  const ids = Object.freeze(entries.map((entry) => entry.id)) as readonly Entry['id'][];
  return Object.freeze({
    family,
    entries: resolved,
    ids,
    defaultId,
    get(id: string, argument = 'method'): Entry {
      const entry = byId.get(id);
      if (!entry)
        throw new InputError(argument, id, `a ${family} method: one of ${ids.join(', ')}`);
      return entry;
    },
    has(id: string): id is Entry['id'] {
      return byId.has(id);
    },
    byResultMethod(name: string): Entry | undefined {
      return resolved.find((entry) => entry.resultMethod === name) ?? byId.get(name);
    },
  });
}

/** The union of a registry's ids. */
export type MethodId<R> = R extends MethodRegistry<infer E> ? E['id'] : never;
