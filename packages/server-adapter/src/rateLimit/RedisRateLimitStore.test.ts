import { randomUUID } from 'node:crypto';
import { FlowloomError } from '@flowloom/core';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkflowServer, type ServerLogger } from '../createWorkflowServer';
import { RedisRateLimitStore } from './RedisRateLimitStore';

const redisUrl = process.env.REDIS_URL;
const silent: ServerLogger = { info() {}, warn() {}, error() {} };

describe('RedisRateLimitStore without a reachable Redis', () => {
  it('throws instead of allowing the request', async () => {
    // Nothing listens on port 1; no retries and no offline queue, so the command fails at once.
    const client = new Redis({
      host: '127.0.0.1',
      port: 1,
      lazyConnect: true,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    try {
      const store = new RedisRateLimitStore({ client });
      const failure = await store.consume('k', 5, 60_000).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(FlowloomError);
      expect((failure as FlowloomError).code).toBe('INTERNAL_ERROR');
      expect((failure as FlowloomError).cause).toBeInstanceOf(Error);
    } finally {
      client.disconnect();
    }
  });
});

if (!redisUrl) {
  console.warn(
    'RedisRateLimitStore tests skipped: REDIS_URL is unset (e.g. REDIS_URL=redis://127.0.0.1:6379).',
  );
  describe.skip('RedisRateLimitStore (skipped: REDIS_URL is unset)', () => {
    it('shares counts between stores through Redis', () => {});
  });
} else {
  // One key prefix per run of this file, so parallel runs never share counts; removed after.
  const keyPrefix = `flowloom:test:rl:${randomUUID()}`;
  const clients = [new Redis(redisUrl), new Redis(redisUrl)] as const;
  const [first, second] = clients;
  const closers: Array<() => Promise<void>> = [];

  afterAll(async () => {
    for (const close of closers) await close();
    let cursor = '0';
    do {
      const [next, keys] = await first.scan(cursor, 'MATCH', `${keyPrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await first.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await Promise.all(clients.map((client) => client.quit()));
  });

  describe('RedisRateLimitStore', () => {
    it('peeks at a window without counting', async () => {
      const store = new RedisRateLimitStore({ client: first, keyPrefix });
      expect(await store.peek('caller-p', 2, 60_000)).toMatchObject({
        allowed: true,
        remaining: 2,
      });
      await store.consume('caller-p', 2, 60_000);
      await store.consume('caller-p', 2, 60_000);
      const peeked = await store.peek('caller-p', 2, 60_000);
      expect(peeked).toMatchObject({ allowed: false, remaining: 0 });
      expect(peeked.retryAfterMs).toBeGreaterThan(0);
      // Peeking took nothing: a fresh key still has all its points.
      await store.peek('caller-q', 2, 60_000);
      expect(await store.consume('caller-q', 2, 60_000)).toMatchObject({ remaining: 1 });
    });

    it('allows `points` requests in a window, then refuses with a positive retry delay', async () => {
      const store = new RedisRateLimitStore({ client: first, keyPrefix });
      const decisions = [];
      for (let i = 0; i < 4; i += 1) decisions.push(await store.consume('caller-a', 3, 60_000));
      expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
      expect(decisions.map((decision) => decision.remaining)).toEqual([2, 1, 0, 0]);
      const refused = decisions[3]!;
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    });

    it('shares one count between two stores on two clients, as two servers would', async () => {
      const a = new RedisRateLimitStore({ client: first, keyPrefix });
      const b = new RedisRateLimitStore({ client: second, keyPrefix });
      expect((await a.consume('caller-shared', 2, 60_000)).allowed).toBe(true);
      expect((await b.consume('caller-shared', 2, 60_000)).allowed).toBe(true);
      const third = await a.consume('caller-shared', 2, 60_000);
      expect(third.allowed).toBe(false);
      expect((await b.consume('caller-shared', 2, 60_000)).allowed).toBe(false);
      expect(third.retryAfterMs).toBeGreaterThan(0);
    });

    it('counts distinct keys independently', async () => {
      const store = new RedisRateLimitStore({ client: first, keyPrefix });
      expect((await store.consume('caller-x', 1, 60_000)).allowed).toBe(true);
      expect((await store.consume('caller-x', 1, 60_000)).allowed).toBe(false);
      expect((await store.consume('caller-y', 1, 60_000)).allowed).toBe(true);
    });

    it('rounds a sub-second window up to one second', async () => {
      const store = new RedisRateLimitStore({ client: first, keyPrefix });
      expect((await store.consume('caller-fast', 1, 200)).allowed).toBe(true);
      const refused = await store.consume('caller-fast', 1, 200);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(200);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(1_000);
    });

    it('answers the 4th request to a "3/minute" route 429 with Retry-After across two servers', async () => {
      const servers = clients.map((client) =>
        createWorkflowServer({
          rateLimit: { listComponents: '3/minute' },
          rateLimitStore: new RedisRateLimitStore({ client, keyPrefix: `${keyPrefix}:e2e` }),
          logger: silent,
        }),
      );
      for (const server of servers) closers.push(() => server.close());
      const get = (index: number) =>
        servers[index]!.fetch(new Request('http://localhost/api/workflow/components'));

      const statuses = [];
      for (const index of [0, 1, 0]) statuses.push((await get(index)).status);
      expect(statuses).toEqual([200, 200, 200]);

      const refused = await get(1);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = (await refused.json()) as { error: { code: string } };
      expect(body.error.code).toBe('RATE_LIMITED');
    });
  });
}
