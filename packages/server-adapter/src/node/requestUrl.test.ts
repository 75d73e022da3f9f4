import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestUrl } from './requestUrl';

function nodeRequest(url: string, host?: string): IncomingMessage {
  return { url, headers: host === undefined ? {} : { host } } as IncomingMessage;
}

describe('requestUrl', () => {
  it('keeps the Host header and the path with its query', () => {
    const url = requestUrl(nodeRequest('/api/workflow/ws/inst_1?since=3', '127.0.0.1:8080'));
    expect(url.href).toBe('http://127.0.0.1:8080/api/workflow/ws/inst_1?since=3');
  });

  it('accepts an IPv6 literal host', () => {
    expect(requestUrl(nodeRequest('/x', '[::1]:3000')).host).toBe('[::1]:3000');
  });

  it('uses the given path instead of request.url', () => {
    expect(requestUrl(nodeRequest('/inner', 'a.example'), '/outer/inner').pathname).toBe(
      '/outer/inner',
    );
  });

  it.each(['a b', 'x/y?', 'evil.example/api?', 'user@host', ''])(
    'falls back to localhost for the Host header %j instead of throwing or moving the path',
    (host) => {
      const url = requestUrl(nodeRequest('/api/workflow/components', host));
      expect(url.origin).toBe('http://localhost');
      expect(url.pathname).toBe('/api/workflow/components');
    },
  );

  it('falls back to localhost without a Host header', () => {
    expect(requestUrl(nodeRequest('/a')).href).toBe('http://localhost/a');
  });

  it('keeps a path that starts with // as a path, not a host', () => {
    const url = requestUrl(nodeRequest('//evil.example/api/workflow/ws/x', '127.0.0.1'));
    expect(url.host).toBe('127.0.0.1');
    expect(url.pathname).toBe('//evil.example/api/workflow/ws/x');
  });
});
