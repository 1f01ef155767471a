import type { InputIssue } from '../errors.js';
import { isKind, KIND_NAMES, type Kind } from './kinds/index.js';

/** A source that numbers in the CSVs cite through their `source` column. */
export interface DatasetSource {
  readonly key: string;
  readonly citation: string;
  readonly doi?: string;
  readonly pmid?: string;
  readonly url?: string;
  /** A local copy (path as given). */
  readonly document?: string;
  /** Where in the source the numbers are. */
  readonly where?: string;
  /** When the source was written or last updated (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): statuses it gives hold as of then. */
  readonly date?: string;
}

export interface DatasetDerivation {
  readonly key: string;
  readonly description: string;
}

export interface DatasetFile {
  readonly path: string;
  readonly kind: Kind;
  readonly description?: string;
}

/** The contents of `dataset.json` (docs/datasets.md). */
export interface DatasetMeta {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly registry?: readonly string[];
  readonly files: readonly DatasetFile[];
  readonly units?: Readonly<Record<string, string>>;
  readonly sources: readonly DatasetSource[];
  readonly derivations?: readonly DatasetDerivation[];
  readonly notes?: readonly string[];
}

type FieldType = 'string' | 'string[]' | 'object' | 'array';
const TOP: Record<string, [FieldType, boolean]> = {
  name: ['string', true],
  title: ['string', true],
  description: ['string', true],
  registry: ['string[]', false],
  files: ['array', true],
  units: ['object', false],
  sources: ['array', true],
  derivations: ['array', false],
  notes: ['string[]', false],
};
const FILE: Record<string, [FieldType, boolean]> = {
  path: ['string', true],
  kind: ['string', true],
  description: ['string', false],
};
const SOURCE: Record<string, [FieldType, boolean]> = {
  key: ['string', true],
  citation: ['string', true],
  doi: ['string', false],
  pmid: ['string', false],
  url: ['string', false],
  document: ['string', false],
  where: ['string', false],
  date: ['string', false],
};
const DERIVATION: Record<string, [FieldType, boolean]> = {
  key: ['string', true],
  description: ['string', true],
};

/**
 * Checks the structure of a parsed `dataset.json` against docs/datasets.md: fields and
 * their types, name = folder, known kinds, unique keys, each source citable (doi, pmid,
 * url or document). `text` (the file's text) is used to find lines. Pure: file existence
 * is checked by the loader.
 */
export function validateDatasetMeta(
  data: unknown,
  context: { file: string; folder: string; text: string },
): InputIssue[] {
  const issues: InputIssue[] = [];
  const at = (
    path: string,
    needle: string | undefined,
    expected: string,
    found: string,
    hint?: string,
  ): void => {
    issues.push({
      file: context.file,
      line: lineOf(context.text, needle),
      column: path,
      expected,
      found,
      hint,
    });
  };
  if (!isObject(data)) {
    at(
      '(top level)',
      undefined,
      'an object with name, title, description, files, sources',
      describe(data),
    );
    return issues;
  }
  checkFields(data, TOP, '', at);
  if (typeof data.name === 'string' && data.name !== context.folder) {
    at('name', `"name"`, `the folder name "${context.folder}"`, `"${data.name}"`);
  }
  if (typeof data.name === 'string' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(data.name)) {
    at('name', `"name"`, 'a kebab-case name (a-z, 0-9, -)', `"${data.name}"`);
  }
  eachObject(data.files, 'files', at, (file, path) => {
    checkFields(file, FILE, path, at);
    if (typeof file.kind === 'string' && !isKind(file.kind))
      at(`${path}.kind`, `"${file.kind}"`, `a kind: ${KIND_NAMES.join(', ')}`, `"${file.kind}"`);
    if (typeof file.path === 'string' && !/^[^/\\]+\.(csv|json)$/i.test(file.path)) {
      at(
        `${path}.path`,
        `"${file.path}"`,
        'a .csv or .json file name inside the dataset folder',
        `"${file.path}"`,
      );
    }
  });
  uniqueKeys(data.files, 'files', 'path', at);
  eachObject(data.sources, 'sources', at, (source, path) => {
    checkFields(source, SOURCE, path, at);
    if (
      !['doi', 'pmid', 'url', 'document'].some(
        (field) => typeof source[field] === 'string' && source[field] !== '',
      )
    ) {
      at(
        path,
        typeof source.key === 'string' ? `"${source.key}"` : undefined,
        'at least one of doi, pmid, url, document',
        'none',
      );
    }
  });
  uniqueKeys(data.sources, 'sources', 'key', at);
  eachObject(data.derivations, 'derivations', at, (derivation, path) =>
    checkFields(derivation, DERIVATION, path, at),
  );
  uniqueKeys(data.derivations, 'derivations', 'key', at);
  if (isObject(data.units)) {
    for (const [outcome, unit] of Object.entries(data.units)) {
      if (typeof unit !== 'string')
        at(`units.${outcome}`, `"${outcome}"`, 'a unit as text', describe(unit));
    }
  }
  return issues;
}

type At = (
  path: string,
  needle: string | undefined,
  expected: string,
  found: string,
  hint?: string,
) => void;

function checkFields(
  object: Record<string, unknown>,
  fields: Record<string, [FieldType, boolean]>,
  prefix: string,
  at: At,
): void {
  const path = (field: string): string => (prefix ? `${prefix}.${field}` : field);
  for (const [field, [type, required]] of Object.entries(fields)) {
    const value = object[field];
    if (value === undefined) {
      if (required) at(path(field), undefined, `a field "${field}" (${typeName(type)})`, 'none');
    } else if (!hasType(value, type) || (type === 'string' && value === '' && required)) {
      at(path(field), `"${field}"`, typeName(type), describe(value));
    }
  }
  for (const field of Object.keys(object)) {
    if (!(field in fields))
      at(
        path(field),
        `"${field}"`,
        `one of the fields ${Object.keys(fields).join(', ')}`,
        `unknown field "${field}"`,
      );
  }
}

function eachObject(
  list: unknown,
  name: string,
  at: At,
  visit: (object: Record<string, unknown>, path: string) => void,
): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (isObject(item)) visit(item, `${name}[${i}]`);
    else at(`${name}[${i}]`, undefined, 'an object', describe(item));
  });
}

function uniqueKeys(list: unknown, name: string, field: string, at: At): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const key = isObject(item) ? item[field] : undefined;
    if (typeof key !== 'string') return;
    if (seen.has(key))
      at(
        `${name}[${i}].${field}`,
        `"${key}"`,
        `a unique ${field}`,
        `"${key}" again (also ${name}[${seen.get(key)}])`,
      );
    else seen.set(key, i);
  });
}

function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
  }
}

function typeName(type: FieldType): string {
  return { string: 'text', 'string[]': 'an array of text', object: 'an object', array: 'an array' }[
    type
  ];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (value === '') return 'an empty text';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** 1-based line of the first occurrence of `needle` in `text` (1 when absent). */
export function lineOf(text: string, needle: string | undefined): number {
  if (needle === undefined) return 1;
  const index = text.indexOf(needle);
  if (index === -1) return 1;
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
