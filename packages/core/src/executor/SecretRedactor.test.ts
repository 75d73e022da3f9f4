import { describe, expect, it } from 'vitest';
import { SecretRedactor } from './SecretRedactor';

describe('SecretRedactor', () => {
  it('returns values untouched, the same object, while it knows no secret', () => {
    const value = { a: ['x'] };
    expect(new SecretRedactor().redact(value)).toBe(value);
  });

  it('replaces a secret in nested strings and keys, sharing untouched parts', () => {
    const redactor = new SecretRedactor();
    redactor.add('hunter2');
    const untouched = { plain: 'nothing here' };
    const value = { list: ['say hunter2 twice: hunter2'], untouched, hunter2: 1 };
    const redacted = redactor.redact(value);
    expect(redacted).toEqual({
      list: ['say [redacted] twice: [redacted]'],
      untouched: { plain: 'nothing here' },
      '[redacted]': 1,
    });
    expect(redacted.untouched).toBe(untouched);
    expect(value.list[0]).toBe('say hunter2 twice: hunter2');
  });

  it('redacts the URL-encoded and JSON-escaped forms of a secret', () => {
    const redactor = new SecretRedactor();
    redactor.add('a b"c');
    expect(redactor.redact(['a%20b%22c', 'a b\\"c', 'a b"c'])).toEqual([
      '[redacted]',
      '[redacted]',
      '[redacted]',
    ]);
  });

  it('replaces the longest secret first when one contains another', () => {
    const redactor = new SecretRedactor();
    redactor.add('abc');
    redactor.add('abcdef');
    expect(redactor.redact('xabcdefx')).toBe('x[redacted]x');
  });

  it('treats secrets as text, not as patterns', () => {
    const redactor = new SecretRedactor();
    redactor.add('.*');
    expect(redactor.redact('keep this .* not that')).toBe('keep this [redacted] not that');
  });

  it('walks deeply nested values without recursion', () => {
    const redactor = new SecretRedactor();
    redactor.add('deep-secret');
    let value: unknown = 'deep-secret';
    for (let level = 0; level < 20_000; level += 1) value = [value];
    let walked = redactor.redact(value);
    for (let level = 0; level < 20_000; level += 1) walked = (walked as unknown[])[0];
    expect(walked).toBe('[redacted]');
  });

  it('keeps a __proto__ key as data', () => {
    const redactor = new SecretRedactor();
    redactor.add('s');
    const redacted = redactor.redact(JSON.parse('{"__proto__": {"x": "s"}}'));
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.hasOwn(redacted, '__proto__')).toBe(true);
  });
});
