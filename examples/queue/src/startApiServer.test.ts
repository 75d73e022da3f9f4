import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseUrl, redisUrl } from './settings';
import { type RunningApiServer, startApiServer } from './startApiServer';
import { type RunningWorker, startWorker } from './startWorker';

const configured = process.env.DATABASE_URL && process.env.REDIS_URL;

if (!configured) {
  console.warn(
    'Queue example test skipped: DATABASE_URL and REDIS_URL must both be set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379).',
  );
  describe.skip('the queue example (skipped: DATABASE_URL or REDIS_URL is unset)', () => {
    it('runs a workflow on the worker through the API server', () => {});
  });
} else {
  describe('the queue example', () => {
    const schema = `flowloom_example_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const queueName = `flowloom-example-test-${randomUUID().slice(0, 8)}`;
    let api: RunningApiServer | undefined;
    let worker: RunningWorker | undefined;

    afterAll(async () => {
      await api?.close();
      await worker?.close({ graceMs: 100 });
      const pool = new Pool({ connectionString: databaseUrl });
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
      const { Queue } = await import('bullmq');
      const queue = new Queue(queueName, { connection: { url: redisUrl } });
      await queue.obliterate({ force: true });
      await queue.close();
    });

    it('runs a workflow on the worker through the API server', async () => {
      api = await startApiServer({ port: 0, hostname: '127.0.0.1', schema, queueName });
      worker = await startWorker({ schema, queueName });
      const base = `${api.url}/api/workflow`;
      const created = await fetch(`${base}/instances`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Hello queue',
          workflow_data: {
            nodes: [
              { id: 'start', type: 'manual_trigger' },
              { id: 'say', type: 'log', data: { parameters: { message: 'hello from a worker' } } },
            ],
            edges: [{ id: 'e1', source: 'start', target: 'say' }],
          },
        }),
      }).then((response) => response.json());
      const executed = await fetch(`${base}/instances/${created.instance_id}/execute`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(executed.status).toBe(202);
      let status = '';
      for (let tries = 0; tries < 100 && status !== 'completed'; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const answer = await fetch(`${base}/instances/${created.instance_id}/status`);
        status = (await answer.json()).status;
      }
      expect(status).toBe('completed');
    });
  });
}
