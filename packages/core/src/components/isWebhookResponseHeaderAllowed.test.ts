import { describe, expect, it } from 'vitest';
import { isWebhookResponseHeaderAllowed } from './isWebhookResponseHeaderAllowed';

describe('isWebhookResponseHeaderAllowed', () => {
  it.each([
    'content-type',
    'Content-Type',
    'content-language',
    'cache-control',
    'etag',
    'last-modified',
    'retry-after',
    'x-order',
    'X-Request-Id',
  ])('allows %s', (name) => {
    expect(isWebhookResponseHeaderAllowed(name)).toBe(true);
  });

  it.each([
    'set-cookie',
    'Set-Cookie',
    'location',
    'refresh',
    'access-control-allow-origin',
    'access-control-allow-credentials',
    'content-security-policy',
    'strict-transport-security',
    'content-length',
    'transfer-encoding',
    'link',
    'x-frame-options',
    'X-Content-Type-Options',
    'x-',
  ])('refuses %s, which would let a workflow act for the host', (name) => {
    expect(isWebhookResponseHeaderAllowed(name)).toBe(false);
  });
});
