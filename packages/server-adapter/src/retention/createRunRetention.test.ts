import { MemoryStore } from '@flowloom/core';
import { sampleInstance } from '@flowloom/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closeTestServers,
  createSpyLogger,
  createTestServer,
} from '../http/testServer.test-helpers';
import { SqliteStore } from '../stores/SqliteStore';
import {
  createRunRetention,
  PRUNE_BATCH_SIZE,
  type parseRetentionOptions,
} from './createRunRetention';

afterEach(async () => {
  vi.useRealTimers();
  await closeTestServers();
});

const HOUR = 3_600_000;

/** A finished run of workflow `w` that finished `ageMs` before `now`. */
function finishedRun(id: string, ageMs: number, workflowId: string | null = 'w', now = Date.now()) {
  const time = new Date(now - ageMs).toISOString();
  return sampleInstance(id, {
    workflow_id: workflowId,
    status: 'completed',
    created_at: time,
    started_at: time,
    finished_at: time,
  });
}

describe('server.pruneRuns', () => {
  it('deletes finished runs older than finishedRunsMaxAgeMs, and keeps the others', async () => {
    const t = createTestServer({ retention: { finishedRunsMaxAgeMs: HOUR } });
    const { store } = t.server;
    await store.createInstance(finishedRun('old', 2 * HOUR));
    await store.createInstance(finishedRun('recent', 60_000));
    await store.createInstance(sampleInstance('old-running', { status: 'running' }));
    expect(await t.server.pruneRuns()).toEqual({ deleted: 1, audit_deleted: 0 });
    expect(await store.getInstance('old')).toBeNull();
    expect(await store.getInstance('recent')).not.toBeNull();
    expect(await store.getInstance('old-running')).not.toBeNull();
  });

  it("keeps each workflow's newest maxRunsPerWorkflow finished runs", async () => {
    const t = createTestServer({ retention: { maxRunsPerWorkflow: 2 } });
    const { store } = t.server;
    for (let age = 1; age <= 5; age += 1)
      await store.createInstance(finishedRun(`a${age}`, age * 1000));
    await store.createInstance(finishedRun('b1', 9000, 'other'));
    expect(await t.server.pruneRuns()).toEqual({ deleted: 3, audit_deleted: 0 });
    const left = (await store.listInstanceSummaries()).instances.map((i) => i.instance_id);
    expect(left.sort()).toEqual(['a1', 'a2', 'b1']);
  });

  it('deletes audit entries older than auditMaxAgeMs, in batches, and only when asked to', async () => {
    const auditEntry = (ageMs: number, resource_id: string) => ({
      at: new Date(Date.now() - ageMs).toISOString(),
      actor_id: 'ada',
      tenant_id: null,
      action: 'workflows:save',
      resource_type: 'workflow' as const,
      resource_id,
      ip: null,
    });
    const keeping = createTestServer({ retention: { finishedRunsMaxAgeMs: HOUR } });
    await keeping.server.store.appendAudit(auditEntry(48 * HOUR, 'kept'));
    expect(await keeping.server.pruneRuns()).toEqual({ deleted: 0, audit_deleted: 0 });
    expect((await keeping.server.store.listAudit()).items).toHaveLength(1);

    const t = createTestServer({ retention: { auditMaxAgeMs: 24 * HOUR } });
    const { store } = t.server;
    const old = PRUNE_BATCH_SIZE + 20;
    for (let n = 0; n < old; n += 1) await store.appendAudit(auditEntry(48 * HOUR + n, `old-${n}`));
    await store.appendAudit(auditEntry(60_000, 'recent'));
    const calls = vi.spyOn(store, 'pruneAudit');
    expect(await t.server.pruneRuns()).toEqual({ deleted: 0, audit_deleted: old });
    expect(calls).toHaveBeenCalledTimes(2);
    expect((await store.listAudit()).items.map((item) => item.resource_id)).toEqual(['recent']);
  });

  it('refuses a negative auditMaxAgeMs', () => {
    expect(() => createTestServer({ retention: { auditMaxAgeMs: -1 } })).toThrow(
      /retention\.auditMaxAgeMs/,
    );
  });

  it('deletes nothing without retention options', async () => {
    const t = createTestServer();
    await t.server.store.createInstance(finishedRun('old', 365 * 24 * HOUR));
    expect(await t.server.pruneRuns()).toEqual({ deleted: 0, audit_deleted: 0 });
    expect(await t.server.store.getInstance('old')).not.toBeNull();
  });

  it('deletes a backlog in batches, yielding to the event loop between them', async () => {
    const store = new SqliteStore(':memory:');
    const t = createTestServer({ store, retention: { finishedRunsMaxAgeMs: HOUR } });
    const total = 2 * PRUNE_BATCH_SIZE + 7;
    for (let index = 0; index < total; index += 1) {
      await store.createInstance(finishedRun(`r${index}`, 2 * HOUR + index));
    }
    const prune = store.pruneInstances.bind(store);
    let immediateRan = true;
    const calls: boolean[] = [];
    vi.spyOn(store, 'pruneInstances').mockImplementation(async (options) => {
      // Whether a callback queued after the previous batch got to run before this one.
      calls.push(immediateRan);
      immediateRan = false;
      setImmediate(() => {
        immediateRan = true;
      });
      expect(options.limit).toBe(PRUNE_BATCH_SIZE);
      return prune(options);
    });
    expect(await t.server.pruneRuns()).toEqual({ deleted: total, audit_deleted: 0 });
    expect(calls).toEqual([true, true, true]);
    expect((await store.listInstanceSummaries()).total).toBe(0);
  });

  it('prunes maxRunsPerWorkflow one workflow at a time, in batches, never ranking the whole table', async () => {
    const store = new SqliteStore(':memory:');
    const t = createTestServer({ store, retention: { maxRunsPerWorkflow: 3 } });
    const big = 2 * PRUNE_BATCH_SIZE + 10;
    // One clock for all: a run with a higher index is older, however long the inserts take.
    const now = Date.now();
    for (let index = 0; index < big; index += 1) {
      await store.createInstance(finishedRun(`a${index}`, 1000 + index, 'wf_a', now));
    }
    for (let index = 0; index < 5; index += 1) {
      await store.createInstance(finishedRun(`b${index}`, 1000 + index, 'wf_b', now));
    }
    await store.createInstance(finishedRun('c0', 1000, 'wf_c', now));
    const prune = store.pruneInstances.bind(store);
    const calls: Array<{ workflowId?: string; deleted: number }> = [];
    vi.spyOn(store, 'pruneInstances').mockImplementation(async (options) => {
      expect(options).toMatchObject({ keepPerWorkflow: 3, limit: PRUNE_BATCH_SIZE });
      const deleted = await prune(options);
      calls.push({ workflowId: options.workflowId, deleted });
      return deleted;
    });
    const walked = vi.spyOn(store, 'listRunWorkflowIds');
    expect(await t.server.pruneRuns()).toEqual({ deleted: big - 3 + 2, audit_deleted: 0 });
    expect(calls).toEqual([
      { workflowId: 'wf_a', deleted: PRUNE_BATCH_SIZE },
      { workflowId: 'wf_a', deleted: PRUNE_BATCH_SIZE },
      { workflowId: 'wf_a', deleted: 7 },
      { workflowId: 'wf_b', deleted: 2 },
      { workflowId: 'wf_c', deleted: 0 },
    ]);
    expect(walked).toHaveBeenCalledTimes(1);
    const left = (await store.listInstanceSummaries({ limit: 100 })).instances;
    expect(left.map((run) => run.instance_id).sort()).toEqual([
      'a0',
      'a1',
      'a2',
      'b0',
      'b1',
      'b2',
      'c0',
    ]);
  });

  it('walks the workflows page by page', async () => {
    const store = new MemoryStore();
    const t = createTestServer({ store, retention: { maxRunsPerWorkflow: 0 } });
    for (let index = 0; index < 150; index += 1) {
      await store.createInstance(
        finishedRun(`r${index}`, 1000, `wf_${String(index).padStart(3, '0')}`),
      );
    }
    const walked = vi.spyOn(store, 'listRunWorkflowIds');
    expect(await t.server.pruneRuns()).toEqual({ deleted: 150, audit_deleted: 0 });
    expect(walked.mock.calls.map(([options]) => options.after)).toEqual([undefined, 'wf_099']);
  });

  it('shares one prune between calls made while it runs', async () => {
    const t = createTestServer({ retention: { finishedRunsMaxAgeMs: HOUR } });
    await t.server.store.createInstance(finishedRun('old', 2 * HOUR));
    const spy = vi.spyOn(t.server.store, 'pruneInstances');
    const [first, second] = await Promise.all([t.server.pruneRuns(), t.server.pruneRuns()]);
    expect(first).toEqual({ deleted: 1, audit_deleted: 0 });
    expect(second).toBe(first);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('deletes nothing once the server is closed', async () => {
    const t = createTestServer({ retention: { finishedRunsMaxAgeMs: HOUR } });
    await t.server.store.createInstance(finishedRun('old', 2 * HOUR));
    await t.server.close();
    expect(await t.server.pruneRuns()).toEqual({ deleted: 0, audit_deleted: 0 });
  });

  it.each([
    [{ finishedRunsMaxAgeMs: -1 }, 'retention.finishedRunsMaxAgeMs'],
    [{ maxRunsPerWorkflow: 1.5 }, 'retention.maxRunsPerWorkflow'],
    [{ sweepIntervalMs: 10 }, 'retention.sweepIntervalMs'],
    [{ maxRuns: 3 }, 'retention'],
  ])('refuses bad retention options %j before opening anything', (retention, path) => {
    expect(() =>
      createTestServer({ retention: retention as Parameters<typeof parseRetentionOptions>[0] }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ path })],
      }),
    );
  });
});

describe('the retention sweep', () => {
  it('sweeps at start and then every sweepIntervalMs, until stopped', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const spy = vi.spyOn(store, 'pruneInstances');
    const logger = createSpyLogger();
    const retention = createRunRetention(
      store,
      { finishedRunsMaxAgeMs: HOUR, sweepIntervalMs: 60_000 },
      logger,
    );
    await store.createInstance(finishedRun('old', 2 * HOUR));
    retention.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(logger.info).toHaveBeenCalledWith('[flowloom] Retention deleted 1 finished run(s).');
    await vi.advanceTimersByTimeAsync(59_999);
    expect(spy).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(spy).toHaveBeenCalledTimes(2);
    await retention.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never sweeps without a bound', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const spy = vi.spyOn(store, 'pruneInstances');
    const retention = createRunRetention(store, {}, createSpyLogger());
    retention.start();
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(spy).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('logs a failed sweep and keeps sweeping', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const failure = new Error('database is locked');
    const spy = vi.spyOn(store, 'pruneInstances').mockRejectedValueOnce(failure);
    const logger = createSpyLogger();
    await store.createInstance(finishedRun('done', 1000));
    const retention = createRunRetention(
      store,
      { maxRunsPerWorkflow: 10, sweepIntervalMs: 1000 },
      logger,
    );
    retention.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(logger.error).toHaveBeenCalledWith(expect.any(String), failure);
    await vi.advanceTimersByTimeAsync(1000);
    expect(spy).toHaveBeenCalledTimes(2);
    await retention.stop();
  });

  it('does not keep the process alive', () => {
    const unref = vi.fn();
    const setTimeoutSpy = vi
      .spyOn(globalThis, 'setTimeout')
      .mockImplementation((() => ({ unref })) as unknown as typeof setTimeout);
    try {
      createRunRetention(new MemoryStore(), { maxRunsPerWorkflow: 1 }, createSpyLogger()).start();
      expect(unref).toHaveBeenCalledTimes(1);
    } finally {
      setTimeoutSpy.mockRestore();
    }
  });
});
