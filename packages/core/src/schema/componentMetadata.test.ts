import { describe, expect, it } from 'vitest';
import { ComponentCategory } from './componentCategory';
import { DEFAULT_INPUT_HANDLE, DEFAULT_OUTPUT_HANDLE } from './componentHandle';
import { WorkflowComponentMetadataSchema } from './componentMetadata';

const minimal = { type: 'noop', name: 'No-op', category: ComponentCategory.UTILITIES };

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  const result = WorkflowComponentMetadataSchema.safeParse(input);
  return (result.error?.issues ?? []).map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
}

describe('WorkflowComponentMetadataSchema', () => {
  it('applies the defaults to minimal metadata', () => {
    expect(WorkflowComponentMetadataSchema.parse(minimal)).toEqual({
      type: 'noop',
      name: 'No-op',
      category: 'utilities',
      description: '',
      icon: 'CubeIcon',
      color: 'from-slate-500 to-slate-600',
      version: '1.0.0',
      parameters: [],
      input_handles: [DEFAULT_INPUT_HANDLE],
      output_handles: [DEFAULT_OUTPUT_HANDLE],
    });
  });

  it('keeps an output_schema as given, as a hint for editors', () => {
    const output_schema = { type: 'object', properties: { status: { type: 'number' } } };
    expect(
      WorkflowComponentMetadataSchema.parse({ ...minimal, output_schema }).output_schema,
    ).toEqual(output_schema);
  });

  it('refuses an output_schema that is not an object', () => {
    expect(issuesOf({ ...minimal, output_schema: 'string' }).map((issue) => issue.path)).toEqual([
      'output_schema',
    ]);
  });

  it('keeps an empty input_handles list (a trigger)', () => {
    const metadata = WorkflowComponentMetadataSchema.parse({ ...minimal, input_handles: [] });
    expect(metadata.input_handles).toEqual([]);
  });

  it('applies parameter defaults inside the metadata', () => {
    const metadata = WorkflowComponentMetadataSchema.parse({
      ...minimal,
      parameters: [{ name: 'p', label: 'P', type: 'string' }],
    });
    expect(metadata.parameters).toEqual([
      { name: 'p', label: 'P', type: 'string', required: false },
    ]);
  });

  it('accepts type ids with letters, digits, _ . : -', () => {
    expect(issuesOf({ ...minimal, type: 'acme:email.v2_send-now' })).toEqual([]);
  });

  it('rejects a type that does not start with a letter', () => {
    expect(issuesOf({ ...minimal, type: '1abc' }).map((issue) => issue.path)).toEqual(['type']);
  });

  it('rejects a type with spaces', () => {
    expect(issuesOf({ ...minimal, type: 'email sender' }).map((issue) => issue.path)).toEqual([
      'type',
    ]);
  });

  it('rejects an empty name', () => {
    expect(issuesOf({ ...minimal, name: '' })).toEqual([
      { path: 'name', message: 'Component name must not be empty' },
    ]);
  });

  it('rejects an unknown category', () => {
    expect(issuesOf({ ...minimal, category: 'misc' }).map((issue) => issue.path)).toEqual([
      'category',
    ]);
  });

  it('rejects a source handle among the input handles', () => {
    expect(
      issuesOf({ ...minimal, input_handles: [{ id: 'in', type: 'source', position: 'left' }] }),
    ).toEqual([
      {
        path: 'input_handles.0.type',
        message: 'Handle "in" in input_handles must have type "target"',
      },
    ]);
  });

  it('rejects a target handle among the output handles', () => {
    expect(
      issuesOf({ ...minimal, output_handles: [{ id: 'out', type: 'target', position: 'right' }] }),
    ).toEqual([
      {
        path: 'output_handles.0.type',
        message: 'Handle "out" in output_handles must have type "source"',
      },
    ]);
  });

  it('rejects a handle id declared twice on one side', () => {
    const handle = { id: 'out', type: 'source', position: 'right' };
    expect(issuesOf({ ...minimal, output_handles: [handle, handle] })).toEqual([
      {
        path: 'output_handles.1.id',
        message: 'Handle id "out" is declared twice in output_handles',
      },
    ]);
  });

  it('accepts the same handle id on both sides', () => {
    expect(
      issuesOf({
        ...minimal,
        input_handles: [{ id: 'main', type: 'target', position: 'left' }],
        output_handles: [{ id: 'main', type: 'source', position: 'right' }],
      }),
    ).toEqual([]);
  });

  it('rejects a parameter name declared twice', () => {
    const parameter = { name: 'to', label: 'To', type: 'string' };
    expect(issuesOf({ ...minimal, parameters: [parameter, parameter] })).toEqual([
      { path: 'parameters.1.name', message: 'Parameter "to" is declared twice' },
    ]);
  });

  it('reports a bad parameter declaration with its index in the path', () => {
    expect(
      issuesOf({
        ...minimal,
        parameters: [
          { name: 'ok', label: 'OK', type: 'string' },
          { name: 'mode', label: 'Mode', type: 'select' },
        ],
      }),
    ).toEqual([
      {
        path: 'parameters.1.options',
        message: 'Select parameter "mode" needs at least one option',
      },
    ]);
  });

  it('reports every problem of one metadata object at once', () => {
    const paths = issuesOf({
      type: 'bad type',
      name: '',
      category: 'nope',
      input_handles: [{ id: 'in', type: 'source', position: 'left' }],
      output_handles: [
        { id: 'o', type: 'source', position: 'right' },
        { id: 'o', type: 'source', position: 'bottom' },
      ],
      parameters: [
        { name: 'a', label: 'A', type: 'string' },
        { name: 'a', label: 'A again', type: 'string' },
        { name: 'sel', label: 'Sel', type: 'select' },
        { name: 'n', label: 'N', type: 'number', min: 3, max: 1 },
        { name: 'flag', label: 'Flag', type: 'boolean', default: 'yes' },
      ],
    }).map((issue) => issue.path);
    expect(paths.sort()).toEqual(
      [
        'type',
        'name',
        'category',
        'input_handles.0.type',
        'output_handles.1.id',
        'parameters.1.name',
        'parameters.2.options',
        'parameters.3.min',
        'parameters.4.default',
      ].sort(),
    );
  });

  it('still reports duplicate parameters when a parameter has an invalid type', () => {
    const paths = issuesOf({
      ...minimal,
      parameters: [
        { name: 'x', label: 'X', type: 'date' },
        { name: 'y', label: 'Y', type: 'string' },
        { name: 'y', label: 'Y', type: 'string' },
      ],
    }).map((issue) => issue.path);
    expect(paths).toEqual(['parameters.0.type', 'parameters.2.name']);
  });

  it('reports a non-object input without crashing', () => {
    for (const input of [null, 42, 'x', []]) {
      const result = WorkflowComponentMetadataSchema.safeParse(input);
      expect(result.success).toBe(false);
    }
  });

  it('reports non-array handles and parameters without crashing', () => {
    const paths = issuesOf({
      ...minimal,
      parameters: 'x',
      input_handles: 1,
      output_handles: {},
    }).map((issue) => issue.path);
    expect(paths.sort()).toEqual(['input_handles', 'output_handles', 'parameters']);
  });
});
