import { describe, expect, it } from 'vitest';
import { webhookRunInput } from './webhookRunInput';

const encode = (text: string) => new TextEncoder().encode(text);

function inputOf(
  body: string,
  headers: Record<string, string> = {},
  url = 'http://test/api/workflow/webhooks/wf/in',
) {
  const request = new Request(url, { method: 'POST', headers, body: body || undefined });
  return webhookRunInput(request, '/in', encode(body), { maxDepth: 5 });
}

describe('webhookRunInput', () => {
  it('gives the method, path, lower-cased headers, query and parsed JSON body', () => {
    const input = inputOf(
      '{"id":7}',
      { 'Content-Type': 'application/json', 'X-Event': 'paid' },
      'http://test/hook?a=1&b=x&b=y',
    );
    expect(input).toEqual({
      method: 'POST',
      path: '/in',
      headers: { 'content-type': 'application/json', 'x-event': 'paid' },
      query: { a: '1', b: ['x', 'y'] },
      body: { id: 7 },
    });
  });

  it('withholds the caller credentials: authorization, proxy-authorization, cookie and the named header', () => {
    const request = new Request('http://test/hook', {
      method: 'POST',
      headers: {
        authorization: 'Bearer s3cr3t',
        'proxy-authorization': 'Basic x',
        cookie: 'session=1',
        'x-token': 'hunter2',
        'x-kept': 'yes',
      },
    });
    const input = webhookRunInput(request, '/in', new Uint8Array(), {
      maxDepth: 5,
      withhold: 'x-token',
    });
    expect(input.headers).toEqual({ 'x-kept': 'yes' });
  });

  it('reads a URL-encoded form as an object, repeated fields as arrays', () => {
    const input = inputOf('name=Ada&tag=a&tag=b', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(input.body).toEqual({ name: 'Ada', tag: ['a', 'b'] });
  });

  it('keeps any other body as text, and an empty one as null', () => {
    expect(inputOf('<xml/>', { 'content-type': 'application/xml' }).body).toBe('<xml/>');
    expect(inputOf('{"id":1}', { 'content-type': 'text/plain' }).body).toBe('{"id":1}');
    expect(inputOf('').body).toBeNull();
  });

  it('parses a +json media type as JSON', () => {
    expect(
      inputOf('{"a":1}', { 'content-type': 'application/vnd.api+json; charset=utf-8' }).body,
    ).toEqual({ a: 1 });
  });

  it('refuses a JSON body that does not parse with VALIDATION_FAILED', () => {
    expect(() => inputOf('{"id":', { 'content-type': 'application/json' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'body', message: 'Invalid JSON' }],
      }),
    );
  });

  it('refuses a JSON body nested deeper than the run input may be', () => {
    expect(() => inputOf('[[[[[1]]]]]', { 'content-type': 'application/json' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(inputOf('[[[[1]]]]', { 'content-type': 'application/json' }).body).toEqual([[[[1]]]]);
  });

  it('keeps a __proto__ query or form field as an own field, touching no prototype', () => {
    const input = inputOf(
      '__proto__=x',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'http://test/hook?__proto__=y',
    );
    expect(Object.hasOwn(input.query, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(input.query)).toBe(Object.prototype);
    expect(Object.hasOwn(input.body as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
