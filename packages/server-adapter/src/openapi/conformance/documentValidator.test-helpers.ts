import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './schemaArbitrary.test-helpers';

/** Validates values against schemas of an OpenAPI document, compiled by ajv from the document. */
export interface DocumentValidator {
  /**
   * The problems of `value` against `schema` (inline, its `$ref`s resolved in the document);
   * empty when it validates.
   */
  problems(schema: JsonSchema, value: unknown): string[];
}

const DOCUMENT_ID = 'https://flowloom.invalid/document.json';

/**
 * An ajv (draft 2020-12, with formats) that knows the whole document, so a schema's
 * `#/components/schemas/...` references resolve against it: answers are checked against exactly
 * what the document says, not against the zod schemas it was generated from.
 */
export function createDocumentValidator(document: JsonSchema): DocumentValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The document itself as a schema resource: local references inside it resolve against it.
  ajv.addSchema({ ...document, $id: DOCUMENT_ID }, undefined, undefined, false);
  const compiled = new Map<string, ValidateFunction>();
  return {
    problems(schema, value) {
      const key = JSON.stringify(schema);
      let validate = compiled.get(key);
      if (!validate) {
        validate = ajv.compile({
          ...rebase(schema),
          $id: `https://flowloom.invalid/inline-${compiled.size}.json`,
        });
        compiled.set(key, validate);
      }
      if (validate(value)) return [];
      return (validate.errors ?? []).map((error) =>
        `${error.instancePath || '(root)'} ${error.message ?? ''}`.trim(),
      );
    },
  };
}

/** An inline schema with its local references pointed at the document. */
function rebase(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? [key, `${DOCUMENT_ID}${value}`]
        : [key, rebase(value)],
    ),
  );
}
