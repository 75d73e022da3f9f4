import { applyEventToStatus, type ExecutionEvent, emptyExecutionStatus } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../hooks/executionFixtures.test-helpers';
import { type NodeRunStatus, nextRunStatus } from '../store/nextRunStatus';
import { nodeRunStatusOf } from './nodeRunStatusOf';

const stopped: ExecutionEvent[] = [
  makeEvent(1, 'execution_started', { input_data: {}, variables: {}, total_steps: 3 }),
  makeEvent(2, 'step_started', { attempt: 1, input_data: {} }, 'a'),
  makeEvent(
    3,
    'step_completed',
    { output_data: 1, output_handles: ['true'], duration_ms: 1, attempts: 1 },
    'a',
  ),
  makeEvent(4, 'step_skipped', { reason: 'branch_not_taken' }, 'b'),
  makeEvent(5, 'step_started', { attempt: 1, input_data: {} }, 'c'),
  makeEvent(
    6,
    'step_retrying',
    { attempt: 1, delay_ms: 10, error: { code: 'X', message: 'x' } },
    'c',
  ),
  makeEvent(
    7,
    'step_failed',
    {
      error: { code: 'CANCELLED', message: 'The run was stopped while this step was running' },
      attempts: 1,
      duration_ms: 0,
      output_handles: [],
    },
    'c',
  ),
  makeEvent(8, 'execution_cancelled', { duration_ms: 9, reason: 'Stopped' }),
  makeEvent(9, 'execution_retried', { step_ids: ['c'] }),
  makeEvent(10, 'step_started', { attempt: 2, input_data: {} }, 'c'),
];

describe('nodeRunStatusOf', () => {
  it('shows at every moment what the live canvas shows', () => {
    let status = emptyExecutionStatus('inst_1');
    let live: Record<string, NodeRunStatus> = {};
    for (const event of stopped) {
      status = applyEventToStatus(status, event);
      live = nextRunStatus(live, event);
      expect(nodeRunStatusOf(status)).toEqual(live);
    }
  });

  it('calls a step that the stop ended cancelled', () => {
    let status = emptyExecutionStatus('inst_1');
    for (const event of stopped.slice(0, 8)) status = applyEventToStatus(status, event);
    expect(nodeRunStatusOf(status)).toEqual({ a: 'completed', b: 'skipped', c: 'cancelled' });
  });

  it('shows nothing without a status', () => {
    expect(nodeRunStatusOf(null)).toEqual({});
  });
});
