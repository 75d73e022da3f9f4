import { randomUUID } from 'node:crypto';
import {
  ComponentRegistry,
  defineComponent,
  ExecutionEngine,
  type ExecutionEvent,
  MemoryStore,
} from '@flowloom/core';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRedisConcurrencyGate,
  type RedisConcurrencyGate,
  type RedisConcurrencyGateOptions,
} from './RedisConcurrencyGate';

const redisUrl = process.env.REDIS_URL;

if (!redisUrl) {
  console.warn(
    'Redis concurrency gate tests skipped: REDIS_URL is unset (e.g. REDIS_URL=redis://127.0.0.1:6379).',
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!redisUrl)('createRedisConcurrencyGate', () => {
  const gates: RedisConcurrencyGate[] = [];
  const prefixes: string[] = [];

  /** A gate on a connection of its own, under the test's prefix. */
  function gate(prefix: string, options: Partial<RedisConcurrencyGateOptions> = {}) {
    const made = createRedisConcurrencyGate({
      connection: redisUrl!,
      limits: { maxConcurrentRunsPerTenant: 2 },
      prefix,
      ...options,
    });
    gates.push(made);
    return made;
  }

  function freshPrefix() {
    const prefix = `flowloom-test:gate:${randomUUID()}`;
    prefixes.push(prefix);
    return prefix;
  }

  afterEach(async () => {
    await Promise.all(gates.splice(0).map((made) => made.close()));
    const redis = new Redis(redisUrl!);
    for (const prefix of prefixes.splice(0)) {
      const keys = await redis.keys(`{${prefix}}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
  });

  it('never lets more than the limit of a tenant run at once across 3 independent connections', async () => {
    const prefix = freshPrefix();
    const three = [gate(prefix), gate(prefix), gate(prefix)];
    let executing = 0;
    let most = 0;
    const finished: string[] = [];
    const runs = Array.from({ length: 24 }, async (_, index) => {
      const id = `run${index}`;
      const release = await three[index % 3]!.acquire({ tenant_id: 'acme' }, id);
      executing += 1;
      most = Math.max(most, executing);
      await sleep(5 + (index % 4) * 5);
      executing -= 1;
      finished.push(id);
      await release();
    });
    // Another tenant is not held back by acme's runs.
    const other = await three[0]!.acquire({ tenant_id: 'other' }, 'other');
    await other();
    await Promise.all(runs);
    expect(most).toBe(2);
    expect(finished).toHaveLength(24);
    expect(await three[1]!.wouldWait({ tenant_id: 'acme' }, 'next')).toBe(false);
  });

  it('tells wouldWait from what other processes hold, and admits the first in line first', async () => {
    const prefix = freshPrefix();
    const [a, b] = [
      gate(prefix, { limits: { maxConcurrentRunsPerWorkflow: 1 } }),
      gate(prefix, { limits: { maxConcurrentRunsPerWorkflow: 1 } }),
    ];
    const held = await a.acquire({ workflow_id: 'w1' }, 'first');
    expect(await b.wouldWait({ workflow_id: 'w1' }, 'second')).toBe(true);
    expect(await b.wouldWait({ workflow_id: 'w2' }, 'elsewhere')).toBe(false);
    const order: string[] = [];
    const second = b.acquire({ workflow_id: 'w1' }, 'second').then((release) => {
      order.push('second');
      return release;
    });
    await sleep(50);
    const third = a.acquire({ workflow_id: 'w1' }, 'third').then((release) => {
      order.push('third');
      return release;
    });
    await sleep(50);
    await held();
    await (await second)();
    await (await third)();
    expect(order).toEqual(['second', 'third']);
  });

  it('frees the slots of a holder that stops renewing (its process died) after the TTL', async () => {
    const prefix = freshPrefix();
    const limits = { maxConcurrentRunsPerTenant: 1 };
    const dying = gate(prefix, { limits, slotTtlMs: 300, pollMs: 50 });
    const survivor = gate(prefix, { limits, slotTtlMs: 300, pollMs: 50 });
    await dying.acquire({ tenant_id: 'acme' }, 'lost');
    // Closing stops the renewals without a release: as a killed process would.
    await dying.close();
    const began = Date.now();
    const release = await survivor.acquire({ tenant_id: 'acme' }, 'next');
    expect(Date.now() - began).toBeLessThan(2_000);
    await release();
  });

  it('keeps a long run its slot by renewing it past the TTL', async () => {
    const prefix = freshPrefix();
    const limits = { maxConcurrentRunsPerTenant: 1 };
    const holder = gate(prefix, { limits, slotTtlMs: 200, pollMs: 20 });
    const other = gate(prefix, { limits, slotTtlMs: 200, pollMs: 20 });
    const release = await holder.acquire({ tenant_id: 'acme' }, 'long');
    await sleep(600);
    expect(await other.wouldWait({ tenant_id: 'acme' }, 'next')).toBe(true);
    await release();
    expect(await other.wouldWait({ tenant_id: 'acme' }, 'next')).toBe(false);
  });

  it('abandons a wait when its signal aborts, letting the run behind it go first', async () => {
    const prefix = freshPrefix();
    const limits = { maxConcurrentRunsPerTenant: 1 };
    const [a, b] = [gate(prefix, { limits }), gate(prefix, { limits })];
    const held = await a.acquire({ tenant_id: 'acme' }, 'holder');
    const controller = new AbortController();
    const abandoned = b.acquire({ tenant_id: 'acme' }, 'abandoned', controller.signal);
    await sleep(50);
    const next = a.acquire({ tenant_id: 'acme' }, 'next');
    await sleep(50);
    controller.abort(new Error('stopped'));
    await expect(abandoned).rejects.toThrow('stopped');
    await held();
    const release = await next;
    expect(await b.wouldWait({ tenant_id: 'acme' }, 'later')).toBe(true);
    await release();
  });

  it('lets runs without a limited key through at once', async () => {
    const made = gate(freshPrefix(), { limits: {} });
    expect(await made.wouldWait({ tenant_id: 'acme' }, 'x')).toBe(false);
    const release = await made.acquire({ tenant_id: 'acme', workflow_id: 'w' }, 'x');
    await release();
  });

  it('keeps two engines (two processes) on one store to 2 runs of a tenant at once, the rest queued', async () => {
    const prefix = freshPrefix();
    const store = new MemoryStore();
    const registry = new ComponentRegistry({
      components: [
        defineComponent({
          type: 'pause',
          name: 'Pause',
          category: 'utilities',
          async execute() {
            await sleep(20);
            return { success: true, output_data: {} };
          },
        }),
      ],
    });
    const executing = new Set<string>();
    let most = 0;
    const track = (event: ExecutionEvent) => {
      if (event.event_type === 'execution_started') {
        executing.add(event.instance_id);
        most = Math.max(most, executing.size);
      } else if (event.event_type === 'execution_completed') {
        executing.delete(event.instance_id);
      }
    };
    const engines = ['a', 'b'].map((name) => {
      const engine = new ExecutionEngine({
        registry,
        store,
        ownerId: `process-${name}`,
        concurrencyGate: gate(prefix, { pollMs: 50 }),
      });
      engine.on('event', track);
      return engine;
    });
    const workflow_data = {
      nodes: [{ id: 'pause', type: 'pause', position: { x: 0, y: 0 } }],
      edges: [],
    };
    const started = [];
    for (let at = 0; at < 10; at += 1) {
      const engine = engines[at % 2]!;
      const instance = await engine.createInstance({
        name: `r${at}`,
        tenant_id: 'acme',
        workflow_data,
      });
      started.push(await engine.startWorkflow(instance.instance_id));
    }
    expect(started.filter(({ instance }) => instance.status === 'queued').length).toBeGreaterThan(
      0,
    );
    const statuses = await Promise.all(started.map(({ done }) => done));
    expect(statuses.every((status) => status.status === 'completed')).toBe(true);
    expect(most).toBe(2);
    await Promise.all(engines.map((engine) => engine.close()));
  });
});
