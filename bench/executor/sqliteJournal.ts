import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExecutionEngine, type ExecutionEvent } from '@flowloom/core';
import { SqliteStore } from '@flowloom/server-adapter';
import { warmMedianMs } from './timing';
import { BENCH_LIMITS, chain, createBenchRegistry } from './workflows';

/** Steps per second journaled in SQLite: the engine's, and the store's own ceiling. */
export interface SqliteThroughput {
  /** What SQLite was kept in. */
  where: string;
  /** The engine running the chain: one transaction per step, committed before the next starts. */
  engineStepsPerSecond: number;
  /** The store alone writing the same events in the same batches (no engine at all). */
  storeStepsPerSecond: number;
}

/**
 * Steps per second of a chain journaled in SQLite (`synchronous = NORMAL`, the server's
 * default; WAL for a file): every step's outcome is committed before the next step starts, so a
 * chain costs one transaction per step. Beside it, the same transactions made by the store
 * alone: the ceiling the file system sets, measured in the same run.
 */
export async function measureSqliteJournal(
  steps: number,
  filename: 'file' | ':memory:',
): Promise<SqliteThroughput> {
  const folder = mkdtempSync(join(tmpdir(), 'flowloom-bench-'));
  const store = new SqliteStore(filename === 'file' ? join(folder, 'bench.db') : ':memory:');
  const engine = new ExecutionEngine({
    registry: createBenchRegistry(),
    store,
    limits: BENCH_LIMITS,
  });
  const workflow = chain(steps);
  let instanceId = '';
  try {
    const engineMs = await warmMedianMs({
      prepare: async () => {
        ({ instance_id: instanceId } = await engine.createInstance({
          name: 'sqlite',
          workflow_data: workflow,
        }));
      },
      run: async () => {
        const status = await engine.executeWorkflow(instanceId);
        if (status.status !== 'completed') throw new Error(`sqlite run ended ${status.status}`);
      },
      cleanUp: async () => {
        await store.deleteInstance(instanceId);
      },
    });
    const storeMs = await warmMedianMs({
      prepare: async () => {
        ({ instance_id: instanceId } = await engine.createInstance({
          name: 'sqlite',
          workflow_data: workflow,
        }));
      },
      run: () => writeSteps(store, instanceId, steps),
      cleanUp: async () => {
        await store.deleteInstance(instanceId);
      },
    });
    return {
      where: filename === 'file' ? `a file in ${tmpdir()} (WAL)` : ':memory:',
      engineStepsPerSecond: (steps * 1000) / engineMs,
      storeStepsPerSecond: (steps * 1000) / storeMs,
    };
  } finally {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A chain's events (start and completion of each step), one batch per step, as a run writes. */
async function writeSteps(store: SqliteStore, instanceId: string, steps: number): Promise<void> {
  const timestamp = new Date().toISOString();
  for (let step = 0; step < steps; step += 1) {
    const step_id = `n${step}`;
    const base = { instance_id: instanceId, step_id, timestamp };
    const batch: ExecutionEvent[] = [
      {
        ...base,
        seq: 2 * step + 1,
        event_type: 'step_started',
        data: { attempt: 1, input_data: {} },
      },
      {
        ...base,
        seq: 2 * step + 2,
        event_type: 'step_completed',
        data: {
          output_data: { ok: true },
          output_handles: ['output'],
          duration_ms: 0.004,
          attempts: 1,
        },
      },
    ];
    await store.appendEvents(batch);
  }
}
