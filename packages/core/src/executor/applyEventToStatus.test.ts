import { describe, expect, it } from 'vitest';
import type {
  ExecutionEvent,
  ExecutionEventMap,
  ExecutionEventType,
} from '../schema/executionEvent';
import type { ExecutionStatus } from '../schema/executionStatus';
import { applyEventToStatus, emptyExecutionStatus } from './applyEventToStatus';
import { createTestEngine, edge, node } from './engineTestKit.test-helpers';

function makeEvent<K extends ExecutionEventType>(
  seq: number,
  eventType: K,
  data: ExecutionEventMap[K],
  stepId?: string,
): ExecutionEvent {
  return {
    seq,
    event_type: eventType,
    instance_id: 'inst_1',
    ...(stepId === undefined ? {} : { step_id: stepId }),
    timestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
    data,
  } as ExecutionEvent;
}

function makeStatus(
  instanceId: string,
  status: ExecutionStatus['status'],
  stepIds: readonly string[] = [],
): ExecutionStatus {
  const steps: ExecutionStatus['steps'] = {};
  for (const id of stepIds)
    steps[id] = { status: 'pending', attempts: 0, started_at: null, finished_at: null };
  return {
    instance_id: instanceId,
    status,
    steps,
    progress: { completed: 0, total: stepIds.length },
    started_at: status === 'pending' ? null : '2025-01-01T00:00:00.000Z',
    finished_at: null,
    error: null,
    variables: {},
  };
}

const run: ExecutionEvent[] = [
  makeEvent(1, 'execution_started', { input_data: { q: 1 }, variables: { a: 1 }, total_steps: 3 }),
  makeEvent(2, 'step_started', { attempt: 1, input_data: {} }, 'fetch'),
  makeEvent(
    3,
    'step_retrying',
    { attempt: 1, delay_ms: 10, error: { code: 'TIMEOUT', message: 't' } },
    'fetch',
  ),
  makeEvent(4, 'step_started', { attempt: 2 }, 'fetch'),
  makeEvent(
    5,
    'step_completed',
    {
      output_data: { rows: 2 },
      output_handles: ['success'],
      duration_ms: 5,
      attempts: 2,
      set_variables: { b: 2 },
    },
    'fetch',
  ),
  makeEvent(6, 'step_skipped', { reason: 'branch_not_taken' }, 'alert'),
  makeEvent(
    7,
    'step_failed',
    {
      error: { code: 'STEP_FAILED', message: 'boom' },
      attempts: 1,
      duration_ms: 1,
      output_handles: [],
    },
    'store',
  ),
  makeEvent(8, 'execution_failed', {
    duration_ms: 20,
    error: { code: 'STEP_FAILED', message: 'boom', step_id: 'store' },
  }),
];

const replay = (status: ExecutionStatus, events: readonly ExecutionEvent[]) =>
  events.reduce(applyEventToStatus, status);

describe('applyEventToStatus', () => {
  it('follows a run from start to failure', () => {
    const status = replay(makeStatus('inst_1', 'pending', ['fetch', 'alert', 'store']), run);
    expect(status).toEqual({
      instance_id: 'inst_1',
      status: 'failed',
      steps: {
        fetch: {
          status: 'completed',
          attempts: 2,
          started_at: run[1]!.timestamp,
          finished_at: run[4]!.timestamp,
          output_data: { rows: 2 },
          output_handles: ['success'],
        },
        alert: { status: 'skipped', attempts: 0, started_at: null, finished_at: run[5]!.timestamp },
        store: {
          status: 'failed',
          attempts: 1,
          started_at: null,
          finished_at: run[6]!.timestamp,
          error: { code: 'STEP_FAILED', message: 'boom' },
          output_handles: [],
        },
      },
      progress: { completed: 3, total: 3 },
      started_at: run[0]!.timestamp,
      finished_at: run[7]!.timestamp,
      error: { code: 'STEP_FAILED', message: 'boom', step_id: 'store' },
      variables: { a: 1, b: 2 },
    });
  });

  it('builds steps it did not know from their events', () => {
    const status = replay(emptyExecutionStatus('inst_1'), run);
    expect(Object.keys(status.steps)).toEqual(['fetch', 'alert', 'store']);
    expect(status.progress).toEqual({ completed: 3, total: 3 });
  });

  it('ends in the same state when events it already holds are replayed up to the newest', () => {
    const full = replay(makeStatus('inst_1', 'pending', ['fetch', 'alert', 'store']), run);
    // `held` events are in the status already; replay starts anywhere up to the first it lacks.
    for (let held = 0; held <= run.length; held += 1) {
      const partial = replay(
        makeStatus('inst_1', 'pending', ['fetch', 'alert', 'store']),
        run.slice(0, held),
      );
      for (let from = 0; from <= held; from += 1) {
        expect(replay(partial, run.slice(from))).toEqual(full);
      }
    }
  });

  it('resets the steps on a new run', () => {
    const first = replay(makeStatus('inst_1', 'pending', ['fetch', 'alert', 'store']), run);
    const second = applyEventToStatus(
      first,
      makeEvent(9, 'execution_started', { input_data: {}, variables: {}, total_steps: 3 }),
    );
    expect(second.status).toBe('running');
    expect(second.error).toBeNull();
    expect(second.finished_at).toBeNull();
    expect(second.progress).toEqual({ completed: 0, total: 3 });
    expect(Object.values(second.steps).every((step) => step.status === 'pending')).toBe(true);
  });

  it('marks a cancelled run with a CANCELLED error', () => {
    const status = applyEventToStatus(
      makeStatus('inst_1', 'running'),
      makeEvent(2, 'execution_cancelled', { duration_ms: 1, reason: 'Stopped by user' }),
    );
    expect(status).toMatchObject({
      status: 'cancelled',
      error: { code: 'CANCELLED', message: 'Stopped by user' },
    });
  });

  it('marks a run queued while it waits for a slot, and running once it starts', () => {
    const queued = applyEventToStatus(
      makeStatus('inst_1', 'pending', ['a']),
      makeEvent(1, 'execution_queued', { run: 'start' }),
    );
    expect(queued).toMatchObject({ status: 'queued', started_at: null, finished_at: null });
    const started = applyEventToStatus(
      queued,
      makeEvent(2, 'execution_started', { input_data: {}, variables: {}, total_steps: 1 }),
    );
    expect(started.status).toBe('running');
  });

  it('marks an interrupted run interrupted, not final, and running again once resumed', () => {
    const interrupted = applyEventToStatus(
      makeStatus('inst_1', 'running'),
      makeEvent(2, 'execution_interrupted', { duration_ms: 1, reason: 'The server shut down' }),
    );
    expect(interrupted).toMatchObject({ status: 'interrupted', finished_at: null, error: null });
    const resumed = applyEventToStatus(
      interrupted,
      makeEvent(3, 'execution_resumed', { step_ids: [] }),
    );
    expect(resumed.status).toBe('running');
  });

  it('sets retried steps back to pending, keeping their attempts, and the run running', () => {
    const failed = replay(makeStatus('inst_1', 'pending', ['fetch', 'alert', 'store']), run);
    const retried = applyEventToStatus(
      failed,
      makeEvent(9, 'execution_retried', { step_ids: ['store'] }),
    );
    expect(retried).toMatchObject({
      status: 'running',
      finished_at: null,
      error: null,
      progress: { completed: 2, total: 3 },
    });
    expect(retried.steps.store).toEqual({
      status: 'pending',
      attempts: 1,
      started_at: null,
      finished_at: null,
    });
    expect(retried.steps.fetch).toBe(failed.steps.fetch);
  });

  it('returns the same status for events that change nothing', () => {
    const status = makeStatus('inst_1', 'running');
    expect(applyEventToStatus(status, makeEvent(2, 'log', { level: 'info', message: 'x' }))).toBe(
      status,
    );
  });
});

describe('applyEventToStatus agrees with the engine', () => {
  it.each([
    ['a completed chain with a variable', false],
    ['a branch with a skipped side', true],
  ])('ends where the engine ends for %s', async (_name, branching) => {
    const { engine, run } = createTestEngine();
    const workflow = branching
      ? {
          nodes: [
            node('s', 'start'),
            node('if', 'branch', { go: true }),
            node('yes', 'step'),
            node('no', 'step'),
          ],
          edges: [edge('s', 'if'), edge('if', 'yes', 'true'), edge('if', 'no', 'false')],
        }
      : {
          nodes: [
            node('s', 'start'),
            node('set', 'set', { name: 'v', value: 2 }),
            node('say', 'say', { message: 'hi' }),
          ],
          edges: [edge('s', 'set'), edge('set', 'say')],
        };
    const { instance, status, events } = await run(workflow);
    const before = makeStatus(
      instance.instance_id,
      'pending',
      workflow.nodes.map((n) => n.id),
    );
    expect(events.reduce(applyEventToStatus, before)).toEqual(status);
    expect(await engine.getStatus(instance.instance_id)).toEqual(status);
  });

  it('ends where the engine ends for a failed run', async () => {
    const { run } = createTestEngine();
    const workflow = {
      nodes: [node('s', 'start'), node('bad', 'fail')],
      edges: [edge('s', 'bad')],
    };
    const { instance, status, events } = await run(workflow);
    expect(status.status).toBe('failed');
    const before = makeStatus(instance.instance_id, 'pending', ['s', 'bad']);
    expect(events.reduce(applyEventToStatus, before)).toEqual(status);
  });
});
