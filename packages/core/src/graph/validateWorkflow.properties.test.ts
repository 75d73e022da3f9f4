import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPARISON_OPERATORS } from '../components/compareValues';
import { ExecutionEngine } from '../executor/ExecutionEngine';
import { isReservedId } from '../schema/isReservedId';
import { WorkflowValidationResultSchema } from '../schema/workflowValidation';
import { validateWorkflow } from './validateWorkflow';

/** Asserts what validateWorkflow promises for any input: a well-formed result, never a throw. */
function expectWellFormedResult(document: unknown, limits?: Record<string, number>): void {
  const result = validateWorkflow(document, undefined, limits ? { limits } : {});
  expect(WorkflowValidationResultSchema.parse(result)).toEqual(result);
  expect(result.valid).toBe(!result.errors.some((issue) => issue.severity === 'error'));
}

/** Strings that are sometimes expressions, sometimes broken ones, sometimes plain text. */
const expressionSoup = fc
  .array(
    fc.constantFrom('{{', '}}', ' input', '.a', '["', '"]', '\\', 'steps.n0', '[0]', 'x', ' '),
    { maxLength: 12 },
  )
  .map((pieces) => pieces.join(''));

const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), expressionSoup);

const nodeLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('n0', 'n1', '__proto__', 'constructor', ''), fc.string(), junk),
    type: fc.oneof(
      fc.constantFrom('manual_trigger', 'log', 'transform', 'condition', 'merge', 'nope'),
      junk,
    ),
    position: fc.oneof(fc.record({ x: fc.integer(), y: fc.integer() }), junk),
    data: fc.oneof(
      fc.record({
        parameters: fc.oneof(
          fc.dictionary(
            fc.constantFrom('message', 'level', 'mapping', 'left', 'operator', 'right', 'x'),
            fc.oneof(expressionSoup, junk),
          ),
          junk,
        ),
      }),
      junk,
    ),
  },
  { requiredKeys: [] },
);

const edgeLike = fc.record(
  {
    id: fc.oneof(fc.constantFrom('e0', 'e1', 'prototype'), junk),
    source: fc.oneof(fc.constantFrom('n0', 'n1', '__proto__'), junk),
    target: fc.oneof(fc.constantFrom('n0', 'n1', 'constructor'), junk),
    sourceHandle: fc.oneof(fc.constantFrom('output', 'true', '__proto__', null), junk),
    targetHandle: fc.oneof(fc.constantFrom('input', 'constructor'), junk),
  },
  { requiredKeys: [] },
);

const workflowLike = fc.record(
  {
    nodes: fc.oneof(fc.array(fc.oneof(nodeLike, junk), { maxLength: 6 }), junk),
    edges: fc.oneof(fc.array(fc.oneof(edgeLike, junk), { maxLength: 8 }), junk),
    extra: junk,
  },
  { requiredKeys: [] },
);

describe('validateWorkflow on arbitrary input', () => {
  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (document) => expectWellFormedResult(document)),
      { numRuns: 300 },
    );
  });

  it('never throws on documents shaped like workflows with random junk', () => {
    fc.assert(
      fc.property(workflowLike, (document) => expectWellFormedResult(document)),
      { numRuns: 300 },
    );
  });

  it('never throws on such documents under small limits', () => {
    const limits = fc.record({
      maxNodes: fc.integer({ min: 1, max: 4 }),
      maxEdges: fc.integer({ min: 0, max: 4 }),
      maxJsonDepth: fc.integer({ min: 1, max: 8 }),
      maxExpressionLength: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(workflowLike, limits, (document, chosen) => {
        expectWellFormedResult(document, chosen);
      }),
      { numRuns: 200 },
    );
  });
});

/** A step id: any text but a reserved id; line breaks can't be written in an expression's key. */
const stepId = fc
  .string({ minLength: 1, maxLength: 8 })
  .filter((id) => !isReservedId(id) && !/[\n\r\u2028\u2029]/.test(id));

/** An expression reading the run input, a variable or an earlier step (by a quoted key). */
const reference = fc.record({
  root: fc.constantFrom('input', 'vars', 'step'),
  step: fc.nat(),
  key: fc.constantFrom('a', 'result', 'missing'),
});
type Reference = typeof reference extends fc.Arbitrary<infer T> ? T : never;

function writeReference(ref: Reference, earlier: readonly string[]): string {
  if (ref.root !== 'step') return `{{ ${ref.root}.${ref.key} }}`;
  const id = earlier[ref.step % earlier.length]!.replace(/[\\"]/g, '\\$&');
  return `{{ steps["${id}"].${ref.key} }}`;
}

const nodeSpec = fc.record({
  type: fc.constantFrom('log', 'transform', 'condition', 'merge'),
  /** Earlier nodes it is connected from (indices taken modulo its position). */
  parents: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  /** Which handle of a condition parent it leaves from. */
  branch: fc.boolean(),
  text: fc.string().filter((text) => !text.includes('{')),
  reference,
  withReference: fc.boolean(),
  level: fc.constantFrom('debug', 'info', 'warn', 'error'),
  operator: fc.constantFrom(...COMPARISON_OPERATORS),
  // Plain text only: a random `{{` would be an (unclosed) expression, not a valid value.
  right: fc.oneof(
    fc.integer(),
    fc.string().filter((text) => !text.includes('{')),
    fc.boolean(),
    fc.constant(null),
  ),
  mapping: fc.dictionary(
    fc.string(),
    fc.oneof(
      fc.integer(),
      fc.string({ maxLength: 4 }).filter((text) => !text.includes('{')),
    ),
  ),
});
type NodeSpec = typeof nodeSpec extends fc.Arbitrary<infer T> ? T : never;

function parametersOf(spec: NodeSpec, earlier: readonly string[]): Record<string, unknown> {
  const expression = spec.withReference ? writeReference(spec.reference, earlier) : '';
  switch (spec.type) {
    case 'log':
      return { message: `log ${spec.text.replaceAll('}', '')}${expression}`, level: spec.level };
    case 'transform':
      return { mapping: { ...spec.mapping, read: expression || spec.text } };
    case 'condition':
      return {
        left: expression || spec.text,
        operator: spec.operator,
        right: spec.right,
      };
    default:
      return {};
  }
}

/** A trigger and a DAG of built-in steps after it: every step has a parent earlier in the list. */
const validWorkflow = fc
  .integer({ min: 1, max: 7 })
  .chain((count) =>
    fc.tuple(
      fc.uniqueArray(stepId, { minLength: count + 1, maxLength: count + 1 }),
      fc.array(nodeSpec, { minLength: count, maxLength: count }),
    ),
  )
  .map(([ids, specs]) => {
    const types = ['manual_trigger', ...specs.map((spec) => spec.type)];
    const nodes: unknown[] = [{ id: ids[0]!, type: 'manual_trigger' }];
    const edges: unknown[] = [];
    specs.forEach((spec, at) => {
      const position = at + 1;
      const earlier = ids.slice(0, position);
      const id = ids[position]!;
      nodes.push({ id, type: spec.type, data: { parameters: parametersOf(spec, earlier) } });
      for (const parent of new Set(spec.parents.map((pick) => pick % position))) {
        const sourceHandle =
          types[parent] === 'condition' ? (spec.branch ? 'true' : 'false') : undefined;
        edges.push({ id: `e${edges.length}`, source: ids[parent]!, target: id, sourceHandle });
      }
    });
    return { nodes, edges };
  });

describe('validateWorkflow and the engine on random valid workflows', () => {
  it('validates them as valid', () => {
    fc.assert(
      fc.property(validWorkflow, (workflow) => {
        expect(validateWorkflow(workflow).errors).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('runs them to a final status', async () => {
    await fc.assert(
      fc.asyncProperty(validWorkflow, async (workflow) => {
        const engine = new ExecutionEngine();
        try {
          const instance = await engine.createInstance({ name: 'random', workflow_data: workflow });
          const status = await engine.executeWorkflow(instance.instance_id, { a: 1, result: 'x' });
          expect(['completed', 'failed']).toContain(status.status);
        } finally {
          await engine.close();
        }
      }),
      { numRuns: 100 },
    );
  });
});
