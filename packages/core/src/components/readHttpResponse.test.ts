import { describe, expect, it } from 'vitest';
import { readHttpResponse } from './readHttpResponse';

describe('readHttpResponse', () => {
  it('parses a JSON body, including +json media types', async () => {
    const response = new Response('{"a":1}', {
      status: 201,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    expect(await readHttpResponse(response)).toEqual({
      status_code: 201,
      headers: { 'content-type': 'application/problem+json' },
      body: { a: 1 },
    });
  });

  it('keeps a JSON-typed body that does not parse as text', async () => {
    const response = new Response('', { headers: { 'Content-Type': 'application/json' } });
    expect((await readHttpResponse(response)).body).toBe('');
  });

  it('returns other bodies as text', async () => {
    const response = new Response('{"a":1}', { headers: { 'Content-Type': 'text/plain' } });
    expect((await readHttpResponse(response)).body).toBe('{"a":1}');
  });

  it('keeps a header named __proto__ as an own property', async () => {
    const response = new Response('', { headers: [['__proto__', 'x']] });
    const { headers } = await readHttpResponse(response);
    expect(Object.hasOwn(headers, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
  });
});
