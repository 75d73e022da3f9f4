import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '@flowloom/server-adapter';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startQuickstart } from './startQuickstart';

const quietLogger = { info() {}, warn() {}, error: console.error };
let tempDir: string;

beforeEach(() => {
  tempDir = mkdtempSync(path.join(tmpdir(), 'flowloom-quickstart-resume-'));
});

afterEach(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

it('finishes, on start, a run a killed process left running, without re-running its finished steps', async () => {
  const databasePath = path.join(tempDir, 'flowloom.db');
  // What a process killed mid-run leaves behind: the instance marked running, the run's
  // journal up to its trigger's completion.
  const store = new SqliteStore(databasePath);
  const timestamp = '2026-01-01T00:00:00.000Z';
  await store.createInstance({
    instance_id: 'inst_killed',
    workflow_id: null,
    name: 'Killed mid-run',
    status: 'running',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
        {
          id: 'say',
          type: 'log',
          position: { x: 200, y: 0 },
          data: { parameters: { message: 'after the restart' } },
        },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'say' }],
    },
    input_data: { who: 'ada' },
    created_by: 'anonymous',
    tenant_id: null,
    created_at: timestamp,
    updated_at: timestamp,
    started_at: timestamp,
    finished_at: null,
    error: null,
  });
  await store.appendEvents([
    {
      seq: 1,
      event_type: 'execution_started',
      instance_id: 'inst_killed',
      timestamp,
      data: { input_data: { who: 'ada' }, variables: {}, total_steps: 2 },
    },
    {
      seq: 2,
      event_type: 'step_started',
      instance_id: 'inst_killed',
      step_id: 'start',
      timestamp,
      data: { attempt: 1 },
    },
    {
      seq: 3,
      event_type: 'step_completed',
      instance_id: 'inst_killed',
      step_id: 'start',
      timestamp,
      data: {
        output_data: { who: 'ada' },
        output_handles: ['output'],
        duration_ms: 1,
        attempts: 1,
      },
    },
  ]);
  await store.close();

  const quickstart = await startQuickstart({
    port: 0,
    host: '127.0.0.1',
    databasePath,
    logger: quietLogger,
  });
  try {
    await vi.waitFor(
      async () => {
        expect((await quickstart.server.store.getInstance('inst_killed'))?.status).toBe(
          'completed',
        );
      },
      { timeout: 5_000 },
    );
    const events = await quickstart.server.store.listEvents('inst_killed');
    expect(
      events.filter((event) => event.event_type === 'step_started').map((event) => event.step_id),
    ).toEqual(['start', 'say']);
    expect(
      (await quickstart.server.store.listLogs('inst_killed')).map((entry) => entry.message),
    ).toEqual(['after the restart']);
  } finally {
    await quickstart.close();
  }
});
