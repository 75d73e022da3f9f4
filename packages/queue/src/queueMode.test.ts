import { ExecutionEngine, type ExecutionEvent, MemoryStore } from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueueRunner, type QueueRunner } from './createQueueRunner';
import { createWorker, type QueueWorker } from './createWorker';
import {
  delayChain,
  dropQueue,
  eventually,
  redisUrl,
  testQueueName,
} from './queueTestKit.test-helpers';

if (!redisUrl) {
  console.warn(
    'Queue mode tests skipped: REDIS_URL is unset (e.g. REDIS_URL=redis://127.0.0.1:6379).',
  );
  describe.skip('queue mode (skipped: REDIS_URL is unset)', () => {
    it('runs a run on a worker', () => {});
  });
} else {
  const url = redisUrl;
  describe('queue mode in one process', () => {
    let runner: QueueRunner | undefined;
    let workers: QueueWorker[] = [];
    let queueName = '';

    async function setUp(workerCount = 1) {
      queueName = testQueueName();
      const store = new MemoryStore();
      runner = createQueueRunner({ connection: url, store, queueName });
      workers = Array.from({ length: workerCount }, () =>
        createWorker({ store, connection: url, queueName, leaseMs: 2_000 }),
      );
      await Promise.all([runner.ready, ...workers.map((worker) => worker.ready)]);
      return { store, runner, workers };
    }

    afterEach(async () => {
      await Promise.all(workers.map((worker) => worker.close({ graceMs: 100 })));
      await runner?.close();
      await dropQueue(url, queueName);
      workers = [];
      runner = undefined;
    });

    it('runs an accepted run on a worker and streams its events in order', async () => {
      const { store, runner } = await setUp();
      const instance = await workers[0]!.engine.createInstance({
        name: 'chain',
        workflow_data: delayChain(3, 5),
      });
      const seen: ExecutionEvent[] = [];
      runner.subscribe(instance.instance_id, (event) => seen.push(event));
      const started = await runner.start(instance.instance_id, { who: 'queue' });
      const status = await started.done;
      expect(status.status).toBe('completed');
      const stored = await store.listEvents(instance.instance_id);
      await eventually(async () => seen.length === stored.length);
      expect(seen.map((event) => event.seq)).toEqual(stored.map((event) => event.seq));
    });

    it('stops a run executing on a worker and answers once it is cancelled', async () => {
      const { runner } = await setUp();
      const instance = await workers[0]!.engine.createInstance({
        name: 'slow',
        workflow_data: delayChain(1, 60_000),
      });
      const seen: string[] = [];
      runner.subscribe(instance.instance_id, (event) => seen.push(event.event_type));
      await runner.start(instance.instance_id);
      await eventually(async () => seen.includes('step_started'));
      const status = await runner.stop(instance.instance_id, 'enough');
      expect(status.status).toBe('cancelled');
    });

    it('wakes a durable wait through a delayed job', async () => {
      const { runner } = await setUp();
      const instance = await workers[0]!.engine.createInstance({
        name: 'wait',
        workflow_data: {
          nodes: [
            { id: 'start', type: 'manual_trigger' },
            {
              id: 'pause',
              type: 'wait',
              data: { parameters: { mode: 'duration', amount: 1, unit: 'seconds' } },
            },
            { id: 'after', type: 'log', data: { parameters: { message: 'woke' } } },
          ],
          edges: [
            { id: 'e1', source: 'start', target: 'pause' },
            { id: 'e2', source: 'pause', sourceHandle: 'output', target: 'after' },
          ],
        },
      });
      const started = await runner.start(instance.instance_id);
      expect((await started.done).status).toBe('waiting');
      const woken = await runner
        .start(instance.instance_id)
        .catch((error: { code: string }) => error.code);
      expect(woken).toBe('CONFLICT');
      await eventually(
        async () =>
          (await workers[0]!.engine.getStatus(instance.instance_id)).status === 'completed',
        10_000,
        100,
      );
    });

    /** manual_trigger → wait for a resume (`approve`) → log. */
    const approval = {
      nodes: [
        { id: 'start', type: 'manual_trigger' },
        { id: 'approve', type: 'wait', data: { parameters: { mode: 'resume' } } },
        { id: 'after', type: 'log', data: { parameters: { message: 'approved' } } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'approve' },
        { id: 'e2', source: 'approve', sourceHandle: 'output', target: 'after' },
      ],
    };

    it('resumes a waiting step through a job and refuses a step that does not wait', async () => {
      const { runner } = await setUp();
      const instance = await workers[0]!.engine.createInstance({
        name: 'approval',
        workflow_data: approval,
      });
      expect((await (await runner.start(instance.instance_id)).done).status).toBe('waiting');
      await expect(runner.resumeWait(instance.instance_id, 'after', {})).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(runner.resumeWait(instance.instance_id, 'nope', {})).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      const resumed = await runner.resumeWait(instance.instance_id, 'approve', { ok: true });
      expect((await resumed.done).status).toBe('completed');
    });

    it('cancels a waiting run from its journal through a stop job', async () => {
      const { runner } = await setUp();
      const instance = await workers[0]!.engine.createInstance({
        name: 'approval',
        workflow_data: approval,
      });
      expect((await (await runner.start(instance.instance_id)).done).status).toBe('waiting');
      expect((await runner.stop(instance.instance_id)).status).toBe('cancelled');
      await expect(runner.stop(instance.instance_id)).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('retries a cancelled run from its cancelled step', async () => {
      const { runner } = await setUp();
      const instance = await workers[0]!.engine.createInstance({
        name: 'approval',
        workflow_data: approval,
      });
      await (await runner.start(instance.instance_id)).done;
      await runner.stop(instance.instance_id);
      const retried = await runner.retry(instance.instance_id);
      expect((await retried.done).status).toBe('waiting');
    });

    it('answers 409 for a second execute of a run a worker has not taken yet', async () => {
      const { runner, store } = await setUp();
      await workers[0]!.close();
      const instance = await new ExecutionEngine({ store }).createInstance({
        name: 'pending',
        workflow_data: delayChain(1, 1),
      });
      await runner.start(instance.instance_id);
      await expect(runner.start(instance.instance_id)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await runner.isRunning(instance.instance_id)).toBe(true);
    });
  });
}
