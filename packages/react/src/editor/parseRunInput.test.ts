import { describe, expect, it } from 'vitest';
import { parseRunInput } from './parseRunInput';

describe('parseRunInput', () => {
  it('reads a JSON object', () => {
    expect(parseRunInput('{ "a": 1 }')).toEqual({ ok: true, input: { a: 1 } });
  });

  it('reads empty text as an empty input', () => {
    expect(parseRunInput('  ')).toEqual({ ok: true, input: {} });
  });

  it('refuses text that is not JSON, saying why', () => {
    const parsed = parseRunInput('{ "a": ');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatch(/^Not valid JSON/);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[1]', '"text"', '3', 'null']) {
      expect(parseRunInput(text)).toMatchObject({
        ok: false,
        problem: expect.stringContaining('object'),
      });
    }
  });
});
