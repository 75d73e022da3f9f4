import { describe, expect, it } from 'vitest';
import {
  ComponentHandleSchema,
  DEFAULT_INPUT_HANDLE,
  DEFAULT_OUTPUT_HANDLE,
} from './componentHandle';

describe('ComponentHandleSchema', () => {
  it('accepts a handle with id, type, position and label', () => {
    const handle = { id: 'success', type: 'source', position: 'right', label: 'Success' };
    expect(ComponentHandleSchema.parse(handle)).toEqual(handle);
  });

  it('accepts a handle without a label', () => {
    expect(ComponentHandleSchema.parse({ id: 'in', type: 'target', position: 'top' })).toEqual({
      id: 'in',
      type: 'target',
      position: 'top',
    });
  });

  it('rejects an empty id', () => {
    const result = ComponentHandleSchema.safeParse({ id: '', type: 'source', position: 'right' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['id']]);
  });

  it('rejects a type other than source or target', () => {
    const result = ComponentHandleSchema.safeParse({ id: 'x', type: 'output', position: 'right' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['type']]);
  });

  it('rejects an unknown position', () => {
    const result = ComponentHandleSchema.safeParse({ id: 'x', type: 'source', position: 'middle' });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['position']]);
  });

  it('reports every bad field at once', () => {
    const result = ComponentHandleSchema.safeParse({ id: '', type: 'x', position: 'y', label: 1 });
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual([
      'id',
      'label',
      'position',
      'type',
    ]);
  });

  it('has a default input handle `input` on the target side, on the left', () => {
    expect(ComponentHandleSchema.parse(DEFAULT_INPUT_HANDLE)).toEqual({
      id: 'input',
      type: 'target',
      position: 'left',
      label: 'Input',
    });
  });

  it('has a default output handle `output` on the source side, on the right', () => {
    expect(ComponentHandleSchema.parse(DEFAULT_OUTPUT_HANDLE)).toEqual({
      id: 'output',
      type: 'source',
      position: 'right',
      label: 'Output',
    });
  });
});
