import fc from 'fast-check';

/** A JSON Schema as the document holds it. */
// biome-ignore lint/suspicious/noExplicitAny: JSON Schemas are read keyword by keyword.
export type JsonSchema = any;

/** Values a string property of this name may take besides generated ones: ids of real records. */
export type Hints = Readonly<Record<string, readonly string[]>>;

/** What {@link schemaArbitrary} needs to follow `$ref`s and to reach real records. */
export interface ArbitraryContext {
  /** The schema a local `$ref` (`#/components/schemas/X`) points at. */
  resolve(ref: string): JsonSchema;
  hints: Hints;
}

const MAX_INT = 2 ** 31 - 1;

/**
 * Values that validate against a JSON Schema (the subset zod writes: types, `properties`,
 * `required`, `additionalProperties`, `oneOf`/`anyOf`, `const`/`enum`, length, range and
 * `pattern`, `date`/`date-time` formats, `$ref`), kept small. A string property named in `hints`
 * takes one of its values most of the time, so generated requests reach real records.
 */
export function schemaArbitrary(
  schema: JsonSchema,
  context: ArbitraryContext,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema === true || schema === undefined || isEmpty(schema)) return anyJson(depth);
  if (schema.$ref) return schemaArbitrary(context.resolve(schema.$ref), context, name, depth);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) {
    return fc.oneof(
      ...branches.map((branch: JsonSchema) =>
        schemaArbitrary({ ...withoutBranches(schema), ...branch }, context, name, depth),
      ),
    );
  }
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (type.length > 1) {
    return fc.oneof(
      ...type.map((one: string) => schemaArbitrary({ ...schema, type: one }, context, name, depth)),
    );
  }
  switch (type[0]) {
    case 'string':
      return stringArbitrary(schema, context.hints[name ?? '']);
    case 'integer': {
      const min = Math.max(minimumOf(schema, 1), -MAX_INT);
      const max = Math.min(maximumOf(schema, 1), MAX_INT);
      // Small values most of the time: versions, limits and offsets that exist.
      return fc.oneof(
        fc.integer({ min, max: Math.min(max, Math.max(min, 0) + 3) }),
        fc.integer({ min, max }),
      );
    }
    case 'number':
      return fc.double({
        min: Math.max(minimumOf(schema, 0), -1e9),
        max: Math.min(maximumOf(schema, 0), 1e9),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schemaArbitrary(schema.items ?? {}, context, undefined, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3),
      });
    case 'object':
      return objectArbitrary(schema, context, depth);
    default:
      return anyJson(depth);
  }
}

function objectArbitrary(schema: JsonSchema, context: ArbitraryContext, depth: number) {
  const properties: Record<string, JsonSchema> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const known = fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [
        key,
        schemaArbitrary(property, context, key, depth + 1),
      ]),
    ),
    { requiredKeys: [...required].filter((key) => key in properties) },
  );
  const extra = schema.additionalProperties;
  if (extra === false || (extra === undefined && Object.keys(properties).length > 0)) return known;
  // A map (`{ [name]: value }`) or an object that takes more keys than it names.
  const keyArbitrary = schema.propertyNames?.pattern
    ? fc.stringMatching(new RegExp(schema.propertyNames.pattern))
    : fc.string({ minLength: 1, maxLength: 8 });
  const keys = keyArbitrary.filter(
    (key) =>
      !(key in properties) && key !== '__proto__' && key !== schema.propertyNames?.not?.const,
  );
  const min = schema.minProperties ?? 0;
  const extras = fc.dictionary(keys, schemaArbitrary(extra ?? {}, context, undefined, depth + 1), {
    minKeys: Math.max(0, min - Object.keys(properties).length),
    maxKeys: Math.min(schema.maxProperties ?? 3, Math.max(min, 3)),
  });
  return fc
    .tuple(known, extras)
    .map(([named, more]) => ({ ...more, ...(named as Record<string, unknown>) }));
}

function stringArbitrary(schema: JsonSchema, hints: readonly string[] | undefined) {
  let generated: fc.Arbitrary<string>;
  if (schema.format === 'date-time' || schema.format === 'date') {
    generated = fc
      .date({ min: new Date(0), max: new Date(4_102_444_800_000), noInvalidDate: true })
      .map((date) =>
        schema.format === 'date' ? date.toISOString().slice(0, 10) : date.toISOString(),
      );
  } else if (schema.pattern) {
    generated = fc.stringMatching(new RegExp(schema.pattern)).filter((text) => fits(text, schema));
  } else {
    const minLength = schema.minLength ?? 0;
    generated = fc.string({
      minLength,
      maxLength: Math.min(schema.maxLength ?? 12, minLength + 12),
    });
  }
  return hints && hints.length > 0
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hints) }, generated)
    : generated;
}

/** Whether a string is within its schema's lengths, counted in code points as JSON Schema does. */
function fits(text: string, schema: JsonSchema): boolean {
  const length = [...text].length;
  return (
    length >= (schema.minLength ?? 0) && length <= (schema.maxLength ?? Number.POSITIVE_INFINITY)
  );
}

function minimumOf(schema: JsonSchema, step: number): number {
  if (typeof schema.exclusiveMinimum === 'number') return schema.exclusiveMinimum + step;
  return schema.minimum ?? -1_000;
}

function maximumOf(schema: JsonSchema, step: number): number {
  if (typeof schema.exclusiveMaximum === 'number') return schema.exclusiveMaximum - step;
  return schema.maximum ?? 1_000_000;
}

function anyJson(depth: number): fc.Arbitrary<unknown> {
  return fc.jsonValue({ maxDepth: Math.max(0, 2 - depth) });
}

function isEmpty(schema: JsonSchema): boolean {
  return (
    typeof schema === 'object' &&
    Object.keys(schema).filter((key) => !['description', 'default', 'examples'].includes(key))
      .length === 0
  );
}

function withoutBranches(schema: JsonSchema): JsonSchema {
  const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = schema;
  return rest;
}
