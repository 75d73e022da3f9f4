import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { joinPath, toErrorIssues } from './zodIssues';

describe('joinPath', () => {
  it('joins a prefix and keys with dots', () => {
    expect(joinPath('nodes', [2, 'data', 'parameters'])).toBe('nodes.2.data.parameters');
  });

  it('leaves out an empty prefix', () => {
    expect(joinPath('', ['a', 0])).toBe('a.0');
  });

  it('returns the empty string for the whole input', () => {
    expect(joinPath('', [])).toBe('');
  });
});

describe('toErrorIssues', () => {
  it('turns every zod issue into a dotted path and its message', () => {
    const schema = z.object({ name: z.string(), tags: z.array(z.string()) });
    const result = schema.safeParse({ name: 1, tags: ['a', 2] });
    expect(result.success).toBe(false);
    expect(toErrorIssues(result.error!, 'body')).toEqual([
      { path: 'body.name', message: expect.any(String) },
      { path: 'body.tags.1', message: expect.any(String) },
    ]);
  });
});
