import { createHmac } from 'node:crypto';
import type { CredentialResolver } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { checkWebhookAuth } from './checkWebhookAuth';
import type { WebhookTrigger } from './readTriggers';

const owner = { created_by: 'owner', tenant_id: null };
const body = new TextEncoder().encode('{"amount":100}');

function webhook(overrides: Partial<WebhookTrigger>): WebhookTrigger {
  return {
    step_id: 'hook',
    path: '/in',
    method: 'POST',
    respond: 'immediately',
    timeout_ms: 30_000,
    auth: 'none',
    signature_header: 'x-signature',
    ...overrides,
  };
}

function resolverOf(data: Record<string, string>): CredentialResolver {
  return { resolve: async () => ({ type: 'webhook', data }) };
}

function check(
  trigger: WebhookTrigger,
  headers: Record<string, string>,
  credentials: CredentialResolver | undefined,
  logged: string[] = [],
  sent: Uint8Array = body,
) {
  const request = new Request('http://test/hook', { method: 'POST', headers });
  return checkWebhookAuth(trigger, request, sent, {
    credentials,
    owner,
    log: (message) => logged.push(message),
  });
}

const sign = (secret: string, payload: Uint8Array) =>
  createHmac('sha256', secret).update(payload).digest('hex');

describe('checkWebhookAuth', () => {
  it('lets any request through without auth', async () => {
    expect(await check(webhook({}), {}, undefined)).toEqual({});
  });

  describe('header', () => {
    const trigger = webhook({ auth: 'header', credential: { credential_id: 'c1' } });
    const credentials = resolverOf({ name: 'X-Webhook-Token', value: 's3cr3t' });

    it('accepts the header the credential names holding its value, and names it', async () => {
      expect(await check(trigger, { 'x-webhook-token': 's3cr3t' }, credentials)).toEqual({
        secretHeader: 'x-webhook-token',
      });
    });

    it.each([
      ['a wrong value', { 'x-webhook-token': 's3cr3T' }],
      ['a longer value', { 'x-webhook-token': 's3cr3t!' }],
      ['no header', {}],
    ])('refuses %s with UNAUTHENTICATED', async (_name, headers) => {
      await expect(check(trigger, headers, credentials)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    });
  });

  describe('hmac_sha256', () => {
    const trigger = webhook({ auth: 'hmac_sha256', credential: { credential_id: 'c1' } });
    const credentials = resolverOf({ secret: 'shh' });

    it('accepts the hex HMAC of the raw body, with or without a sha256= prefix', async () => {
      expect(await check(trigger, { 'x-signature': sign('shh', body) }, credentials)).toEqual({});
      const prefixed = `sha256=${sign('shh', body).toUpperCase()}`;
      expect(await check(trigger, { 'x-signature': prefixed }, credentials)).toEqual({});
    });

    it('reads the secret from the field the reference names', async () => {
      const named = webhook({
        auth: 'hmac_sha256',
        credential: { credential_id: 'c1', field: 'signing_key' },
        signature_header: 'X-Hub-Signature-256',
      });
      const signed = { 'x-hub-signature-256': sign('key', body) };
      expect(await check(named, signed, resolverOf({ signing_key: 'key' }))).toEqual({});
    });

    it('refuses a signature of the same body under another secret', async () => {
      await expect(
        check(trigger, { 'x-signature': sign('other', body) }, credentials),
      ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('refuses a replayed signature over a body with one byte changed', async () => {
      const changed = new TextEncoder().encode('{"amount":900}');
      await expect(
        check(trigger, { 'x-signature': sign('shh', body) }, credentials, [], changed),
      ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it.each(['', 'zz', sign('shh', body).slice(0, 63), `${sign('shh', body)}00`])(
      'refuses the malformed signature %j',
      async (signature) => {
        await expect(
          check(trigger, { 'x-signature': signature }, credentials),
        ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      },
    );
  });

  it('refuses, logging why, when the owner may not use the credential', async () => {
    const logged: string[] = [];
    const forbidden: CredentialResolver = {
      resolve: async () => {
        throw Object.assign(new Error('belongs to another user'), { code: 'FORBIDDEN' });
      },
    };
    const trigger = webhook({ auth: 'header', credential: { credential_id: 'c1' } });
    await expect(check(trigger, { 'x-a': 'b' }, forbidden, logged)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'Webhook authentication failed',
    });
    expect(logged).toEqual([expect.stringContaining('belongs to another user')]);
  });

  it('answers NOT_CONFIGURED when the server has no credentials key', async () => {
    const trigger = webhook({ auth: 'hmac_sha256', credential: { credential_id: 'c1' } });
    await expect(check(trigger, {}, undefined)).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
  });
});
