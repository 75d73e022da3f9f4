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
    redactor.add('abcd');
    redactor.add('abcdefgh');
    expect(redactor.redact('xabcdefghx abcd')).toBe('x[redacted]x [redacted]');
  });

  it('leaves secrets shorter than 4 characters alone rather than garble every record', () => {
    const redactor = new SecretRedactor();
    redactor.add('e');
    redactor.add('ok');
    expect(redactor.active).toBe(false);
    expect(redactor.redact('one okay event')).toBe('one okay event');
  });

  it('refuses more secret forms than a run may hold', () => {
    const redactor = new SecretRedactor();
    let accepted = 0;
    while (redactor.add(`secret-number-${accepted}`)) accepted += 1;
    expect(accepted).toBe(256);
  });

  it('keeps an event valid whatever its secret spells: engine fields keep their keys and codes', () => {
    const redactor = new SecretRedactor();
    for (const secret of ['attempt', 'message', 'error', 'level', 'success']) redactor.add(secret);
    const data = {
      attempt: 2,
      error: { code: 'HTTP_ERROR', message: 'the message had an error' },
      output_handles: ['success'],
      output_data: { message: 'attempt made', nested: { error: 'x' } },
    };
    expect(redactor.redactEventData(data)).toEqual({
      attempt: 2,
      error: { code: 'HTTP_ERROR', message: 'the [redacted] had an [redacted]' },
      output_handles: ['success'],
      output_data: { '[redacted]': '[redacted] made', nested: { '[redacted]': 'x' } },
    });
  });

  it('redacts secrets that share long prefixes in a large text correctly', () => {
    const redactor = new SecretRedactor();
    const long = 'a'.repeat(5_000);
    for (const end of ['b', 'c', 'd']) redactor.add(`${long}${end}`);
    const text = `${'a'.repeat(200_000)}${long}c`;
    expect(redactor.redact(text)).toBe(`${'a'.repeat(200_000)}[redacted]`);
  });

  it('treats secrets as text, not as patterns', () => {
    const redactor = new SecretRedactor();
    redactor.add('.*+?');
    expect(redactor.redact('keep this .*+? not that')).toBe('keep this [redacted] not that');
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
    redactor.add('sesame');
    const redacted = redactor.redact(JSON.parse('{"__proto__": {"x": "sesame"}}'));
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.hasOwn(redacted, '__proto__')).toBe(true);
  });
});
