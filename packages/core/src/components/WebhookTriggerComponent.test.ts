import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { WebhookTriggerComponent } from './WebhookTriggerComponent';

describe('WebhookTriggerComponent', () => {
  it('outputs the run input', async () => {
    const context = createTestContext({
      input_data: { path: '/hooks/order', method: 'POST' },
      run_input: { body: { id: 1 }, headers: { 'x-signature': 'abc' } },
    });
    const result = await new WebhookTriggerComponent().execute(context);
    expect(result).toEqual({
      success: true,
      output_data: { body: { id: 1 }, headers: { 'x-signature': 'abc' } },
    });
  });
});

describe('WebhookTriggerComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [WebhookTriggerComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('webhook_trigger', values, { allowExpressions: false });

  it('registers as a trigger with no input handle', () => {
    expect(registry.resolve('webhook_trigger').isTrigger).toBe(true);
    expect(registry.getComponent('webhook_trigger')?.input_handles).toEqual([]);
  });

  it('defaults to POST, answering at once, without authentication', () => {
    expect(registry.resolve('webhook_trigger').parameters.defaults).toEqual({
      method: 'POST',
      respond: 'immediately',
      timeout_ms: 30_000,
      auth: 'none',
      signature_header: 'x-signature',
    });
  });

  it('accepts each response mode and each authentication with its credential', () => {
    const credential = { credential_id: 'cred_1' };
    expect(validate({ path: '/x', respond: 'when_finished', timeout_ms: 5000 })).toEqual([]);
    expect(validate({ path: '/x', auth: 'header', credential })).toEqual([]);
    expect(
      validate({ path: '/x', auth: 'hmac_sha256', credential, signature_header: 'X-Hub-Sig' }),
    ).toEqual([]);
  });

  it.each(['header', 'hmac_sha256'])('requires a credential for %s authentication', (auth) => {
    expect(validate({ path: '/x', auth })).toEqual([
      {
        parameter: 'credential',
        code: 'INVALID_PARAMETER_VALUE',
        message: 'Choose the credential callers must match',
      },
    ]);
  });

  it('refuses a literal secret as the credential', () => {
    expect(validate({ path: '/x', auth: 'header', credential: 'hunter2' })).toContainEqual(
      expect.objectContaining({ parameter: 'credential', code: 'SECRET_NOT_A_CREDENTIAL' }),
    );
  });

  it('rejects a signature header that is not a header name', () => {
    expect(
      validate({
        path: '/x',
        auth: 'hmac_sha256',
        credential: { credential_id: 'c' },
        signature_header: 'x sig',
      }),
    ).toMatchObject([{ parameter: 'signature_header', code: 'INVALID_PARAMETER_VALUE' }]);
  });

  it.each([
    ['an unknown response mode', { respond: 'later' }, 'respond'],
    ['an unknown authentication', { auth: 'basic' }, 'auth'],
    ['a wait over 5 minutes', { timeout_ms: 300_001 }, 'timeout_ms'],
    ['a wait that is not whole', { timeout_ms: 1.5 }, 'timeout_ms'],
  ])('rejects %s', (_name, values, parameter) => {
    expect(validate({ path: '/x', ...values })).toMatchObject([{ parameter }]);
  });

  it('accepts a path with any method', () => {
    expect(validate({ path: '/orders/created' })).toEqual([]);
    expect(validate({ path: '/', method: 'DELETE' })).toEqual([]);
  });

  it('requires a path', () => {
    expect(validate({})).toMatchObject([{ parameter: 'path', code: 'MISSING_REQUIRED_PARAMETER' }]);
  });

  it('rejects a path without a leading slash', () => {
    expect(validate({ path: 'orders' })).toEqual([
      { parameter: 'path', code: 'INVALID_PARAMETER_VALUE', message: 'Path must start with "/"' },
    ]);
  });

  it.each(['/a b', '/a?x=1', '/a#top'])('rejects the path %s', (path) => {
    expect(validate({ path })).toMatchObject([
      { parameter: 'path', code: 'INVALID_PARAMETER_VALUE' },
    ]);
  });

  it('rejects a path that is not a string', () => {
    expect(validate({ path: 42 })).toMatchObject([
      { parameter: 'path', code: 'INVALID_PARAMETER_TYPE' },
    ]);
  });

  it('rejects an unsupported method', () => {
    expect(validate({ path: '/x', method: 'HEAD' })).toMatchObject([
      { parameter: 'method', code: 'INVALID_PARAMETER_VALUE' },
    ]);
  });
});
