import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { createTestContext } from '../testing/createTestContext';
import { RespondToWebhookComponent } from './RespondToWebhookComponent';

describe('RespondToWebhookComponent', () => {
  it('outputs the status, headers and body the webhook answers with', async () => {
    const context = createTestContext({
      input_data: { status_code: 201, headers: { 'x-order': '7' }, body: { ok: true } },
    });
    expect(await new RespondToWebhookComponent().execute(context)).toEqual({
      success: true,
      output_data: { status_code: 201, headers: { 'x-order': '7' }, body: { ok: true } },
    });
  });

  it('outputs empty headers and a null body when none are given', async () => {
    const context = createTestContext({ input_data: { status_code: 200 } });
    const result = await new RespondToWebhookComponent().execute(context);
    expect(result.output_data).toEqual({ status_code: 200, headers: {}, body: null });
  });

  it('fails INVALID_PARAMETERS for a header an expression made that a workflow may not set', async () => {
    const context = createTestContext({
      input_data: { status_code: 200, headers: { 'Set-Cookie': 'session=attacker' } },
    });
    await expect(new RespondToWebhookComponent().execute(context)).rejects.toMatchObject({
      code: 'INVALID_PARAMETERS',
      issues: [{ path: 'headers' }],
    });
  });

  it('fails INVALID_PARAMETERS for a redirect status an expression made', async () => {
    const context = createTestContext({ input_data: { status_code: 302 } });
    await expect(new RespondToWebhookComponent().execute(context)).rejects.toMatchObject({
      code: 'INVALID_PARAMETERS',
      issues: [{ path: 'status_code' }],
    });
  });

  it('fails INVALID_PARAMETERS for headers an expression resolved to a line break', async () => {
    const context = createTestContext({
      input_data: { status_code: 200, headers: { 'x-a': 'one\r\nset-cookie: b=1' } },
    });
    await expect(new RespondToWebhookComponent().execute(context)).rejects.toMatchObject({
      code: 'INVALID_PARAMETERS',
    });
  });
});

describe('RespondToWebhookComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [RespondToWebhookComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('respond_to_webhook', values, { allowExpressions: false });

  it('is an output action answering 200 unless told otherwise', () => {
    expect(registry.getComponent('respond_to_webhook')?.category).toBe('output_actions');
    expect(registry.resolve('respond_to_webhook').parameters.defaults).toEqual({
      status_code: 200,
    });
  });

  it('accepts a status, headers and any JSON body', () => {
    expect(
      validate({ status_code: 404, headers: { 'content-type': 'text/plain' }, body: 'no' }),
    ).toEqual([]);
    expect(validate({ body: [1, { a: 2 }] })).toEqual([]);
  });

  it.each([99, 100, 600, 200.5])('rejects the status code %s', (status_code) => {
    expect(validate({ status_code })).toMatchObject([{ parameter: 'status_code' }]);
  });

  it.each([300, 301, 302, 307, 308, 399])('rejects the redirect status %s', (status_code) => {
    expect(validate({ status_code })).toMatchObject([
      { parameter: 'status_code', message: expect.stringContaining('redirect') },
    ]);
  });

  it.each([
    'Set-Cookie',
    'location',
    'access-control-allow-origin',
    'content-security-policy',
    'x-frame-options',
  ])('rejects the header %s, which a workflow may not set', (name) => {
    expect(validate({ headers: { [name]: 'x' } })).toMatchObject([
      { parameter: 'headers', message: expect.stringContaining('may not be set') },
    ]);
  });

  it.each<[unknown, string]>([
    [['x'], 'an array'],
    [{ 'bad name': 'x' }, 'a bad name'],
    [{ 'x-a': 1 }, 'a number value'],
    [{ 'x-a': 'a\nb' }, 'a line break'],
  ])('rejects headers with %j (%s)', (headers) => {
    expect(validate({ headers })).toMatchObject([{ parameter: 'headers' }]);
  });
});
