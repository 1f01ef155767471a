import { NON_FINITE_JSON } from './json.js';

/**
 * A small typed builder for the JSON Schemas of `--json` output. Each builder carries the
 * TypeScript type it describes (`Infer<S>`), so `schemaOf<ResultType>()(schema)` fails to
 * compile when the schema claims a field the result type does not have, or a field of another
 * type: the schemas are checked against the TypeScript types by the compiler, and written as
 * JSON Schema (draft 2020-12) files by scripts/write-json-schemas.mjs.
 *
 * Objects are open (`additionalProperties` allowed): `--json` field paths are a contract to
 * keep, and new fields may be added beside them. Numbers follow the encoder (src/format/json.ts):
 * a number or one of the strings "Infinity", "-Infinity", "NaN".
 */

export type JsonSchema = { readonly [key: string]: unknown };

/** A schema for values of type T (T is a phantom: it exists for the compiler only). */
export interface Schema<T> {
  readonly json: JsonSchema;
  readonly optional?: boolean;
  /** Never set: carries T. */
  readonly __type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const NUMBER_REF = { $ref: '#/$defs/number' };

/** A number as the encoder writes it: finite, or "Infinity" / "-Infinity" / "NaN". */
export const num = (description?: string): Schema<number> => ({
  json: { ...NUMBER_REF, ...(description ? { description } : {}) },
});
/** A whole number (never infinite). */
export const int = (description?: string): Schema<number> => ({
  json: { type: 'integer', ...(description ? { description } : {}) },
});
export const str = (description?: string): Schema<string> => ({
  json: { type: 'string', ...(description ? { description } : {}) },
});
export const bool = (description?: string): Schema<boolean> => ({
  json: { type: 'boolean', ...(description ? { description } : {}) },
});
/** Anything (a field whose shape is documented elsewhere). */
export const any = (description?: string): Schema<unknown> => ({
  json: description ? { description } : {},
});

/** One of fixed strings (or numbers). */
export function oneOf<const V extends string | number>(
  values: readonly V[],
  description?: string,
): Schema<V> {
  return { json: { enum: values, ...(description ? { description } : {}) } };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return { json: { anyOf: [schema.json, { type: 'null' }] }, optional: schema.optional };
}

/** A field that may be absent. */
export function optional<T>(schema: Schema<T>): Schema<T> & { readonly optional: true } {
  return { json: schema.json, optional: true };
}

export function array<T>(items: Schema<T>, description?: string): Schema<readonly T[]> {
  return { json: { type: 'array', items: items.json, ...(description ? { description } : {}) } };
}

/** Either of two shapes (e.g. a test result or null). */
export function either<A, B>(a: Schema<A>, b: Schema<B>): Schema<A | B> {
  return { json: { anyOf: [a.json, b.json] } };
}

/** A record with string keys and values of one schema. */
export function record<T>(values: Schema<T>): Schema<Readonly<Record<string, T>>> {
  return { json: { type: 'object', additionalProperties: values.json } };
}

type Props = Record<string, Schema<unknown>>;
type RequiredKeys<P extends Props> = {
  [K in keyof P]: P[K] extends { optional: true } ? never : K;
}[keyof P];
type OptionalKeys<P extends Props> = Exclude<keyof P, RequiredKeys<P>>;
type ObjectOf<P extends Props> = { readonly [K in RequiredKeys<P>]: Infer<P[K]> } & {
  readonly [K in OptionalKeys<P>]?: Infer<P[K]>;
};

/** An open object: the listed fields (required unless `optional(...)`), others allowed. */
export function object<P extends Props>(properties: P, description?: string): Schema<ObjectOf<P>> {
  const required = Object.keys(properties).filter((key) => !properties[key].optional);
  return {
    json: {
      type: 'object',
      ...(description ? { description } : {}),
      properties: Object.fromEntries(
        Object.entries(properties).map(([key, schema]) => [key, schema.json]),
      ),
      ...(required.length ? { required } : {}),
    },
  };
}

/**
 * Checks at compile time that values of type T fit the schema (every field the schema names
 * exists in T with a type the schema allows), then returns the schema.
 * @example schemaOf<{ p: number; n: number }>()(object({ p: num() })) // compiles; object({ q: num() }) does not
 */
export function schemaOf<T>() {
  return <S extends Schema<unknown>>(
    schema: S & ([T] extends [Infer<S>] ? unknown : { error: 'the type does not fit the schema' }),
  ): S => schema;
}

/** A complete JSON Schema document for one command's output. */
export function document(id: string, title: string, root: Schema<unknown>): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${id}.schema.json`,
    title,
    ...root.json,
    $defs: {
      number: {
        description: 'A number; ±Infinity and NaN are written as strings (docs/json.md).',
        anyOf: [{ type: 'number' }, { enum: Object.values(NON_FINITE_JSON) }],
      },
    },
  };
}
