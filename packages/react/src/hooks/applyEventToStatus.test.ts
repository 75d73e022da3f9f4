import type { ExecutionEvent, ExecutionStatus } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { applyEventToStatus, emptyExecutionStatus } from './applyEventToStatus';
import { makeEvent, makeStatus } from './fakeWorkflowClient.test-helpers';

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

  it('returns the same status for events that change nothing', () => {
    const status = makeStatus('inst_1', 'running');
    expect(applyEventToStatus(status, makeEvent(2, 'log', { level: 'info', message: 'x' }))).toBe(
      status,
    );
  });
});
