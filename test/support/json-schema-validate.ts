/**
 * A validator for the subset of JSON Schema (2020-12) that src/format/json-schema.ts emits:
 * type (object, array, string, number, integer, boolean, null), properties, required,
 * additionalProperties (a schema), items, enum, anyOf, $ref to #/$defs/… . Returns one line per
 * problem: `path: expected …, found …`.
 */
type Node = { [key: string]: unknown };

export function validate(value: unknown, schema: Node, root: Node = schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/$defs/', '');
    const target = (root.$defs as Record<string, Node> | undefined)?.[name];
    if (!target) return [`${path}: unknown $ref ${schema.$ref}`];
    return validate(value, target, root, path);
  }
  if (Array.isArray(schema.anyOf)) {
    const results = (schema.anyOf as Node[]).map((option) => validate(value, option, root, path));
    if (results.some((r) => r.length === 0)) return [];
    return [`${path}: matches none of anyOf (${results.map((r) => r[0]).join(' | ')})`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    return [
      `${path}: expected one of ${JSON.stringify(schema.enum)}, found ${JSON.stringify(value)}`,
    ];
  const problems: string[] = [];
  switch (schema.type) {
    case undefined:
      break;
    case 'null':
      if (value !== null) problems.push(`${path}: expected null, found ${JSON.stringify(value)}`);
      break;
    case 'string':
    case 'boolean':
      if (typeof value !== schema.type)
        problems.push(`${path}: expected ${schema.type}, found ${JSON.stringify(value)}`);
      break;
    case 'number':
      if (typeof value !== 'number')
        problems.push(`${path}: expected number, found ${JSON.stringify(value)}`);
      break;
    case 'integer':
      if (!Number.isInteger(value))
        problems.push(`${path}: expected integer, found ${JSON.stringify(value)}`);
      break;
    case 'array':
      if (!Array.isArray(value))
        problems.push(`${path}: expected array, found ${JSON.stringify(value)}`);
      else if (schema.items)
        value.forEach((item, i) =>
          problems.push(...validate(item, schema.items as Node, root, `${path}[${i}]`)),
        );
      break;
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push(`${path}: expected object, found ${JSON.stringify(value)}`);
        break;
      }
      const record = value as Record<string, unknown>;
      for (const key of (schema.required as string[] | undefined) ?? [])
        if (!(key in record)) problems.push(`${path}.${key}: required, missing`);
      const properties = (schema.properties as Record<string, Node> | undefined) ?? {};
      for (const [key, item] of Object.entries(record)) {
        if (properties[key])
          problems.push(...validate(item, properties[key], root, `${path}.${key}`));
        else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
          problems.push(
            ...validate(item, schema.additionalProperties as Node, root, `${path}.${key}`),
          );
      }
      break;
    }
    default:
      problems.push(`${path}: unsupported schema type ${String(schema.type)}`);
  }
  return problems;
}
