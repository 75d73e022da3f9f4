import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { applyHttpAuth } from './applyHttpAuth';

function headersAfter(mode: Parameters<typeof applyHttpAuth>[1], credential: unknown): Headers {
  const headers = new Headers();
  applyHttpAuth(headers, mode, credential);
  return headers;
}

describe('applyHttpAuth', () => {
  it('sets nothing for none', () => {
    const headers = headersAfter('none', undefined);
    expect(headers.has('authorization')).toBe(false);
  });

  it('sends a bearer token from a credential or from one field of it', () => {
    expect(headersAfter('bearer', { token: 't0k' }).get('authorization')).toBe('Bearer t0k');
    expect(headersAfter('bearer', 't0k').get('authorization')).toBe('Bearer t0k');
  });

  it('sends basic authentication as base64 of the UTF-8 pair', () => {
    const headers = headersAfter('basic', { username: 'zoë', password: 'pä55' });
    expect(headers.get('authorization')).toBe(
      `Basic ${Buffer.from('zoë:pä55', 'utf8').toString('base64')}`,
    );
  });

  it('sends a custom header by name', () => {
    expect(headersAfter('header', { name: 'X-Api-Key', value: 'k' }).get('x-api-key')).toBe('k');
  });

  it.each([
    ['bearer', {}],
    ['basic', { username: 'only' }],
    ['header', { name: 'X-Key' }],
    ['basic', 'just a string'],
    ['header', { name: 'Bad Name', value: 'v' }],
    ['bearer', { token: 'line\r\nbreak' }],
  ] as const)('refuses %s with %j as INVALID_PARAMETERS', (mode, credential) => {
    const thrown = (() => {
      try {
        headersAfter(mode, credential);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(FlowloomError);
    expect((thrown as FlowloomError).code).toBe('INVALID_PARAMETERS');
  });
});
