import type { ExecutionEvent, ExecutionEventMap, ExecutionEventType } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { nextRunStatus } from './nextRunStatus';

function event<K extends ExecutionEventType>(
  eventType: K,
  data: ExecutionEventMap[K],
  stepId?: string,
): ExecutionEvent {
  return {
    seq: 1,
    event_type: eventType,
    instance_id: 'inst_1',
    ...(stepId === undefined ? {} : { step_id: stepId }),
    timestamp: '2025-01-01T00:00:00.000Z',
    data,
  } as ExecutionEvent;
}

describe('nextRunStatus', () => {
  it('clears the steps a retry runs again and keeps the others', () => {
    const before = { start: 'completed', call: 'failed', after: 'skipped' } as const;
    const after = nextRunStatus(
      { ...before },
      event('execution_retried', { step_ids: ['call', 'after'] }),
    );
    expect(after).toEqual({ start: 'completed' });
  });

  it('returns the same object when a retry names no step it shows', () => {
    const before = { start: 'completed' as const };
    expect(nextRunStatus(before, event('execution_retried', { step_ids: ['x'] }))).toBe(before);
  });

  it('sets a step running again when its retried attempt starts', () => {
    const cleared = nextRunStatus(
      { call: 'failed' },
      event('execution_retried', { step_ids: ['call'] }),
    );
    expect(
      nextRunStatus(cleared, event('step_started', { attempt: 2, input_data: {} }, 'call')),
    ).toEqual({ call: 'running' });
  });

  it('marks a waiting step waiting, and running again once it is resumed', () => {
    const waiting = nextRunStatus({ a: 'running' }, event('step_waiting', { resume: true }, 'a'));
    expect(waiting).toEqual({ a: 'waiting' });
    expect(nextRunStatus(waiting, event('step_resumed', { data: { ok: 1 } }, 'a'))).toEqual({
      a: 'running',
    });
  });

  it('marks a step that a stop ended cancelled, not failed', () => {
    const stopped = nextRunStatus(
      { wait: 'running' },
      event(
        'step_failed',
        {
          error: { code: 'CANCELLED', message: 'The run was stopped while this step was running' },
          attempts: 1,
          duration_ms: 0,
          output_handles: [],
        },
        'wait',
      ),
    );
    expect(stopped).toEqual({ wait: 'cancelled' });
  });

  it('marks a step that failed for another reason failed', () => {
    const failed = nextRunStatus(
      { call: 'running' },
      event(
        'step_failed',
        {
          error: { code: 'HTTP_ERROR', message: '500' },
          attempts: 1,
          duration_ms: 3,
          output_handles: [],
        },
        'call',
      ),
    );
    expect(failed).toEqual({ call: 'failed' });
  });
});
