import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../limits/workflowLimits';
import { WorkflowDataSchema } from '../schema/workflowData';
import { isOwnedFrozen } from '../store/frozenCopy';
import { parseWorkflowDocument } from './parseWorkflowDocument';

/** JSON text keeps key order: equal texts and equal values mean exactly zod's output. */
function expectZodOutput(document: unknown, limits = DEFAULT_LIMITS): boolean {
  const fast = parseWorkflowDocument(document, limits);
  if (fast === undefined) return false;
  const zod = WorkflowDataSchema.parse(document);
  expect(fast).toStrictEqual(zod);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod));
  return true;
}

function expectDeeplyFrozen(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  expect(Object.isFrozen(value)).toBe(true);
  for (const member of Object.values(value)) expectDeeplyFrozen(member);
}

const id = fc.oneof(fc.constantFrom('n0', 'n1', 'e0', 'constructor', 'toString'), fc.string());
const json = fc.jsonValue({ maxDepth: 3 });
/** Values shaped like what editors put in nodes, with an occasional oddity. */
const oddity = fc.constantFrom(undefined, null, 0, '', [], {}, Number.NaN, { __proto__: null });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(arbitrary, arbitrary, oddity);

const parameters = fc.dictionary(
  fc.oneof(fc.constantFrom('message', 'url', '__proto__', '0', 'constructor'), fc.string()),
  fc.oneof(json, fc.string()),
  { maxKeys: 4 },
);
const settings = fc.record(
  {
    timeout_ms: maybe(fc.integer({ min: -5, max: 90_000_000 })),
    retry: maybe(
      fc.record(
        {
          max_attempts: maybe(fc.integer({ min: 0, max: 120 })),
          backoff_ms: maybe(fc.integer({ min: 0, max: 10 })),
          backoff_multiplier: maybe(fc.double({ min: 0, max: 120, noNaN: true })),
        },
        { requiredKeys: [] },
      ),
    ),
    on_error: maybe(fc.constantFrom('fail', 'error_branch', 'continue', 'retry')),
  },
  { requiredKeys: [] },
);
const data = fc.record(
  {
    parameters: maybe(parameters),
    label: maybe(fc.string()),
    settings: maybe(settings),
    disabled: maybe(fc.boolean()),
    note: json,
  },
  { requiredKeys: [] },
);
const node = fc.record(
  {
    id: maybe(id),
    type: maybe(fc.constantFrom('log', 'transform', 'merge')),
    position: maybe(
      fc.oneof(
        fc.record({ x: fc.integer(), y: fc.integer() }),
        fc.record({ x: fc.double(), y: fc.double(), z: json }),
      ),
    ),
    data: maybe(data),
    width: json,
    selected: fc.boolean(),
  },
  { requiredKeys: ['id', 'type'] },
);
const edge = fc.record(
  {
    id: maybe(id),
    source: maybe(id),
    sourceHandle: maybe(fc.oneof(fc.string(), fc.constant(null))),
    target: maybe(id),
    targetHandle: maybe(fc.oneof(fc.string(), fc.constant(null))),
    animated: fc.boolean(),
  },
  { requiredKeys: ['id', 'source', 'target'] },
);
const document = fc.record(
  {
    nodes: fc.array(maybe(node), { maxLength: 5 }),
    edges: maybe(fc.array(maybe(edge), { maxLength: 5 })),
    viewport: json,
  },
  { requiredKeys: ['nodes'] },
);

/** Documents as editors save them (JSON: no null-prototype objects), every field well typed. */
const plain = { noNullPrototype: true } as const;
const wellFormed = fc.record(
  {
    nodes: fc.array(
      fc.record(
        {
          id: fc.string({ minLength: 1 }),
          type: fc.constantFrom('log', 'transform'),
          position: fc.record({ x: fc.integer(), y: fc.integer() }, plain),
          data: fc.record(
            {
              parameters: fc.dictionary(fc.string(), json, { maxKeys: 3, ...plain }),
              label: fc.string(),
            },
            { requiredKeys: ['parameters'], ...plain },
          ),
        },
        plain,
      ),
      { maxLength: 5 },
    ),
    edges: fc.array(
      fc.record(
        {
          id: fc.string({ minLength: 1 }),
          source: fc.string({ minLength: 1 }),
          target: fc.string({ minLength: 1 }),
          sourceHandle: fc.oneof(fc.string(), fc.constant(null)),
        },
        { requiredKeys: ['id', 'source', 'target'], ...plain },
      ),
      { maxLength: 5 },
    ),
  },
  plain,
);

describe('parseWorkflowDocument', () => {
  it('gives exactly what zod gives for every generated document it accepts', () => {
    fc.assert(
      fc.property(document, (generated) => {
        if (!expectZodOutput(generated)) {
          // What it leaves to zod, zod must be the one to judge: it is never rejected wrongly.
          expect(() => parseWorkflowDocument(generated, DEFAULT_LIMITS)).not.toThrow();
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('accepts every well-formed document, so the fast path is the usual one', () => {
    fc.assert(
      fc.property(wellFormed, (generated) => {
        expect(expectZodOutput(generated)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('returns a copy frozen all the way down and marked owned', () => {
    const input = {
      nodes: [{ id: 'a', type: 'log', data: { parameters: { message: { text: ['hi'] } } } }],
      edges: [],
    };
    const parsed = parseWorkflowDocument(input, DEFAULT_LIMITS)!;
    expectDeeplyFrozen(parsed);
    expect(isOwnedFrozen(parsed)).toBe(true);
    expect(parsed.nodes[0]!.data.parameters.message).not.toBe(
      input.nodes[0]!.data.parameters.message,
    );
  });

  it('applies the defaults zod applies', () => {
    expect(parseWorkflowDocument({ nodes: [{ id: 'a', type: 'log' }] }, DEFAULT_LIMITS)).toEqual({
      nodes: [{ id: 'a', type: 'log', position: { x: 0, y: 0 }, data: { parameters: {} } }],
      edges: [],
    });
  });

  it('leaves an invalid document to zod', () => {
    expect(parseWorkflowDocument({ nodes: [{ id: '', type: 'log' }] }, DEFAULT_LIMITS)).toBe(
      undefined,
    );
    expect(parseWorkflowDocument({ nodes: 'x' }, DEFAULT_LIMITS)).toBe(undefined);
    expect(parseWorkflowDocument([], DEFAULT_LIMITS)).toBe(undefined);
  });

  it('leaves a document past a size limit to the checks that word it', () => {
    const nodes = [{ id: 'a', type: 'log' }];
    expect(parseWorkflowDocument({ nodes }, { ...DEFAULT_LIMITS, maxNodes: 0 })).toBe(undefined);
    const deep = { nodes: [{ id: 'a', type: 'log', data: { parameters: { x: [[[[[]]]]] } } }] };
    expect(parseWorkflowDocument(deep, { ...DEFAULT_LIMITS, maxJsonDepth: 8 })).toBe(undefined);
    expect(parseWorkflowDocument(deep, { ...DEFAULT_LIMITS, maxJsonDepth: 11 })).toBeDefined();
  });

  it('hands a node with an own __proto__ key to zod, which drops the key', () => {
    const hostile = JSON.parse(
      '{"nodes":[{"id":"a","type":"log","data":{"parameters":{"__proto__":{"polluted":1}}}}]}',
    );
    expect(expectZodOutput(hostile)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
  });

  it('hands a node holding values that are not plain data to zod, then copies them', () => {
    const at = new Date(0);
    const withDate = { nodes: [{ id: 'a', type: 'log', data: { parameters: { at } } }] };
    const parsed = parseWorkflowDocument(withDate, DEFAULT_LIMITS)!;
    expect(parsed.nodes[0]!.data.parameters.at).toEqual(at);
    expect(parsed.nodes[0]!.data.parameters.at).not.toBe(at);
  });
});
