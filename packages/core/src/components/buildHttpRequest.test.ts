import { describe, expect, it } from 'vitest';
import { buildHttpRequest } from './buildHttpRequest';

describe('buildHttpRequest', () => {
  it('appends query values, repeating array items and skipping null', () => {
    const { url } = buildHttpRequest({
      url: 'https://x.test/a?keep=1',
      method: 'GET',
      query: { q: 'a b', n: 2, on: true, ids: [1, 2], none: null },
    });
    expect(url.toString()).toBe('https://x.test/a?keep=1&q=a+b&n=2&on=true&ids=1&ids=2');
  });

  it('sends a string body as is, without setting a content type', () => {
    const { init } = buildHttpRequest({ url: 'https://x.test', method: 'POST', body: 'raw' });
    expect(init.body).toBe('raw');
    expect(init.headers.has('content-type')).toBe(false);
  });

  it('sends other bodies as JSON with a JSON content type', () => {
    const { init } = buildHttpRequest({ url: 'https://x.test', method: 'POST', body: { a: [1] } });
    expect(init.body).toBe('{"a":[1]}');
    expect(init.headers.get('content-type')).toBe('application/json');
    expect(buildHttpRequest({ url: 'https://x.test', method: 'POST', body: 0 }).init.body).toBe(
      '0',
    );
  });

  it('keeps a given content type, whatever its case', () => {
    const { init } = buildHttpRequest({
      url: 'https://x.test',
      method: 'POST',
      headers: { 'CONTENT-TYPE': 'text/csv' },
      body: ['a', 'b'],
    });
    expect(init.headers.get('content-type')).toBe('text/csv');
  });

  it('sends no body when the body is missing', () => {
    for (const body of [undefined, null, '']) {
      expect(
        buildHttpRequest({ url: 'https://x.test', method: 'POST', body }).init,
      ).not.toHaveProperty('body');
    }
  });
});
