import { FlowloomError } from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkflowServer } from '../createWorkflowServer';
import {
  asUser,
  closeTestServers,
  createInstanceVia,
  createSpyLogger,
  createTestServer,
  headerAuthenticate,
  logWorkflow,
} from '../http/testServer.test-helpers';
import { MemoryRateLimitStore } from './MemoryRateLimitStore';
import { RateLimiter, type RateLimitOptions } from './RateLimiter';

afterEach(closeTestServers);

/** A server with rate limits counted on a clock the test moves by hand. */
function limitedServer(rateLimit: RateLimitOptions, authenticated = false) {
  const clock = { now: 1_000_000 };
  const t = createTestServer({
    rateLimit,
    rateLimitStore: new MemoryRateLimitStore(() => clock.now),
    authenticate: authenticated ? headerAuthenticate : undefined,
  });
  return { ...t, clock };
}

describe('rate limits through the handler', () => {
  it('answers 429 with Retry-After once a route is over its limit', async () => {
    const t = limitedServer({ execute: '2/minute' });
    const { request, clock } = t;
    const instance = await createInstanceVia(t, logWorkflow());
    const execute = () => request('POST', `/instances/${instance.instance_id}/execute`, {});
    expect((await execute()).status).not.toBe(429);
    clock.now += 100;
    expect((await execute()).status).not.toBe(429);
    clock.now += 10_400;
    const refused = await execute();
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.body.error.message).toBe('Too many requests: at most 2 per 60 s');
    expect(refused.headers.get('retry-after')).toBe('50');
  });

  it('rounds Retry-After up to a whole second, at least 1', async () => {
    const { request, clock } = limitedServer({ listInstances: '1/minute' });
    await request('GET', '/instances');
    clock.now += 59_999;
    const refused = await request('GET', '/instances');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
  });

  it('allows requests again once the window has passed', async () => {
    const { request, clock } = limitedServer({ listInstances: '1/minute' });
    expect((await request('GET', '/instances')).status).toBe(200);
    expect((await request('GET', '/instances')).status).toBe(429);
    clock.now += 60_000;
    const again = await request('GET', '/instances');
    expect(again.status).toBe(200);
    expect(again.headers.get('retry-after')).toBeNull();
  });

  it('limits only the routes named, and counts each route apart', async () => {
    const { request } = limitedServer({ listInstances: '1/minute' });
    expect((await request('GET', '/instances')).status).toBe(200);
    expect((await request('GET', '/instances')).status).toBe(429);
    for (let i = 0; i < 5; i += 1) expect((await request('GET', '/components')).status).toBe(200);
  });

  it('applies `default` to routes not named, while a named route keeps its own rate', async () => {
    const { request } = limitedServer({ default: '1/minute', listComponents: '3/minute' });
    expect((await request('GET', '/editor/list')).status).toBe(200);
    expect((await request('GET', '/editor/list')).status).toBe(429);
    expect((await request('GET', '/instances')).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await request('GET', '/components')).status).toBe(200);
    expect((await request('GET', '/components')).status).toBe(429);
  });

  it('counts per user when callers are authenticated, whatever their IP', async () => {
    const { request } = limitedServer({ listInstances: '1/minute' }, true);
    const fromIp = (clientIp: string) => ({ clientIp });
    expect(
      (await request('GET', '/instances', undefined, asUser('ada'), fromIp('10.0.0.1'))).status,
    ).toBe(200);
    expect(
      (await request('GET', '/instances', undefined, asUser('ada'), fromIp('10.0.0.2'))).status,
    ).toBe(429);
    expect(
      (await request('GET', '/instances', undefined, asUser('bob'), fromIp('10.0.0.1'))).status,
    ).toBe(200);
  });

  it('counts per client IP when the server runs open', async () => {
    const { request } = limitedServer({ listInstances: '1/minute' });
    expect(
      (await request('GET', '/instances', undefined, {}, { clientIp: '10.0.0.1' })).status,
    ).toBe(200);
    expect(
      (await request('GET', '/instances', undefined, {}, { clientIp: '10.0.0.1' })).status,
    ).toBe(429);
    expect(
      (await request('GET', '/instances', undefined, {}, { clientIp: '10.0.0.2' })).status,
    ).toBe(200);
  });

  it('counts anonymous callers without a known IP together', async () => {
    const { request } = limitedServer({ listInstances: '1/minute' });
    expect((await request('GET', '/instances')).status).toBe(200);
    expect((await request('GET', '/instances')).status).toBe(429);
    expect(
      (await request('GET', '/instances', undefined, {}, { clientIp: '10.0.0.3' })).status,
    ).toBe(200);
  });

  it('puts no limit on any route without rateLimit', async () => {
    const { request } = createTestServer();
    for (let i = 0; i < 50; i += 1) expect((await request('GET', '/components')).status).toBe(200);
  });
});

describe('rate limit options', () => {
  it('refuses a bad rate when the server is created', () => {
    expect(() =>
      createWorkflowServer({ logger: createSpyLogger(), rateLimit: { execute: '10/fortnight' } }),
    ).toThrow(FlowloomError);
  });

  it('refuses an unknown route name instead of leaving the route unlimited', () => {
    const rateLimit = { exectue: '10/minute' } as RateLimitOptions;
    expect(() => createWorkflowServer({ logger: createSpyLogger(), rateLimit })).toThrow(
      /Unknown route "exectue"/,
    );
  });
});

describe('webhook rate limit', () => {
  /** Counts `calls` webhook calls of one workflow; returns how many were allowed. */
  async function allowed(limiter: RateLimiter, workflowId: string, calls: number) {
    let passed = 0;
    for (let call = 0; call < calls; call += 1) {
      passed += await limiter.checkWebhook(workflowId).then(
        () => 1,
        () => 0,
      );
    }
    return passed;
  }

  it('allows 600 calls a minute per workflow by default, whatever default says', async () => {
    const limiter = new RateLimiter({ default: '1/minute' });
    expect(await allowed(limiter, 'wf_a', 601)).toBe(600);
    expect(await allowed(limiter, 'wf_b', 1)).toBe(1);
  });

  it('follows rateLimit.webhook, refusing with RATE_LIMITED and Retry-After', async () => {
    const limiter = new RateLimiter({ webhook: '2/minute' });
    expect(await allowed(limiter, 'wf_a', 2)).toBe(2);
    await expect(limiter.checkWebhook('wf_a')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
  });
});
