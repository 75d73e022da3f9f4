import { ExecutionEngine, type ExecutionEvent } from '@flowloom/core';
import { sampleInstance } from '@flowloom/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostgresStore } from './PostgresStore';
import type { SqliteStore } from './SqliteStore';

/**
 * What the SQL stores promise beyond the core's contract: whole batches, integrity errors,
 * exact optional fields, stable ties and a real engine run. Each test gets a fresh, empty store.
 */
export function describeDurableStoreBehaviour(
  name: string,
  createStore: () => SqliteStore | PostgresStore | Promise<SqliteStore | PostgresStore>,
): void {
  describe(`${name} (durable store behaviour)`, () => {
    let store: SqliteStore | PostgresStore;
    beforeEach(async () => {
      store = await createStore();
    });
    afterEach(() => store.close());

    it('stores nothing of a batch that repeats a stored seq', async () => {
      await store.createInstance(sampleInstance('b'));
      await store.appendEvents([logEvent('b', 1)]);
      await expect(
        store.appendEvents([logEvent('b', 2), logEvent('b', 3), logEvent('b', 1)]),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await store.listEvents('b')).map((event) => event.seq)).toEqual([1]);
    });

    it('stores nothing of a batch that repeats a seq within itself', async () => {
      await store.createInstance(sampleInstance('r'));
      await expect(
        store.appendEvents([logEvent('r', 1), logEvent('r', 2), logEvent('r', 2)]),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await store.lastEventSeq('r')).toBe(0);
    });

    it('refuses events and logs of an instance that does not exist', async () => {
      await expect(store.appendEvents([logEvent('ghost', 1)])).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        store.appendLogs([
          {
            instance_id: 'ghost',
            seq: 1,
            step_id: null,
            level: 'info',
            message: 'x',
            timestamp: at(1),
          },
        ]),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('reads back optional fields as absent and null values as null', async () => {
      await store.createInstance(sampleInstance('o'));
      const { step_id: _none, ...runEvent } = logEvent('o', 1);
      await store.appendEvents([runEvent as ExecutionEvent]);
      await store.appendLogs([
        { instance_id: 'o', seq: 1, step_id: null, level: 'info', message: 'a', timestamp: at(1) },
        {
          instance_id: 'o',
          seq: 2,
          step_id: null,
          level: 'info',
          message: 'b',
          data: null,
          timestamp: at(2),
        },
      ]);
      const [event] = await store.listEvents('o');
      expect(event).not.toHaveProperty('step_id');
      const [withoutData, withNull] = await store.listLogs('o');
      expect(withoutData).not.toHaveProperty('data');
      expect(withNull).toHaveProperty('data', null);
    });

    it('keeps fields a patch leaves out and clears fields it sets to null', async () => {
      await store.createInstance(
        sampleInstance('p', { error: { code: 'X', message: 'old' }, input_data: { a: 1 } }),
      );
      const updated = await store.updateInstance('p', { status: 'running', error: null });
      expect(updated).toMatchObject({ status: 'running', error: null, input_data: { a: 1 } });
      expect(await store.getInstance('p')).toEqual(updated);
    });

    it('lists instances created at the same time newest stored first', async () => {
      for (const id of ['t1', 't2', 't3']) {
        await store.createInstance(sampleInstance(id, { created_at: at(5) }));
      }
      const { instances } = await store.listInstances();
      expect(instances.map((item) => item.instance_id)).toEqual(['t3', 't2', 't1']);
    });

    it('journals a real run so that another engine reads the same status back', async () => {
      const engine = new ExecutionEngine({ store });
      const emitted: ExecutionEvent[] = [];
      engine.on('event', (event) => emitted.push(event));
      const created = await engine.createInstance({
        name: 'Journal',
        workflow_data: {
          nodes: [
            { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: {} },
            {
              id: 'say',
              type: 'log',
              position: { x: 1, y: 0 },
              data: { parameters: { message: 'hello {{ input.who }}' } },
            },
          ],
          edges: [{ id: 'e1', source: 'start', target: 'say' }],
        },
      });
      const status = await engine.executeWorkflow(created.instance_id, { who: 'store' });
      expect(status.status).toBe('completed');
      expect(await store.listEvents(created.instance_id)).toEqual(emitted);
      expect((await store.listLogs(created.instance_id)).map((entry) => entry.message)).toContain(
        'hello store',
      );
      expect(await new ExecutionEngine({ store }).getStatus(created.instance_id)).toEqual(status);
    });
  });
}

function at(second: number): string {
  return `2026-01-01T00:00:0${second}.000Z`;
}

/** A pending instance of a one-node workflow, owned by nobody. */
export { sampleInstance };

/** A `log` event of step `s`. */
export function logEvent(instanceId: string, seq: number): ExecutionEvent {
  return {
    seq,
    event_type: 'log',
    instance_id: instanceId,
    step_id: 's',
    timestamp: at(seq),
    data: { level: 'info', message: `line ${seq}` },
  };
}
