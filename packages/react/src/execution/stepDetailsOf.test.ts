import type { ExecutionEvent, ExecutionStatus } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { stepDetailsOf } from './stepDetailsOf';

const at = '2024-01-01T00:00:00.000Z';

const events: ExecutionEvent[] = [
  {
    seq: 4,
    instance_id: 'i1',
    step_id: 'fetch',
    timestamp: at,
    event_type: 'step_completed',
    data: {
      output_data: { status_code: 200 },
      output_handles: ['output'],
      duration_ms: 5,
      attempts: 2,
    },
  },
  {
    seq: 3,
    instance_id: 'i1',
    step_id: 'fetch',
    timestamp: at,
    event_type: 'step_started',
    data: { attempt: 2, input_data: { url: 'https://b.example', method: 'GET' } },
  },
  {
    seq: 1,
    instance_id: 'i1',
    step_id: 'fetch',
    timestamp: at,
    event_type: 'step_started',
    data: { attempt: 1, input_data: { url: 'https://a.example', method: 'GET' } },
  },
];

describe('stepDetailsOf', () => {
  it('takes the input from the latest step_started event, in any order', () => {
    expect(stepDetailsOf('fetch', null, events).input).toEqual({
      url: 'https://b.example',
      method: 'GET',
    });
    expect(stepDetailsOf('fetch', null, [...events].reverse()).input).toEqual({
      url: 'https://b.example',
      method: 'GET',
    });
  });

  it('takes the output from the step_completed event when the status has none', () => {
    const details = stepDetailsOf('fetch', null, events);
    expect(details.hasOutput).toBe(true);
    expect(details.output).toEqual({ status_code: 200 });
    expect(details.attempts).toBe(2);
  });

  it('prefers the run status output and status', () => {
    const status = {
      steps: {
        fetch: {
          status: 'completed',
          attempts: 2,
          started_at: at,
          finished_at: at,
          output_data: { from: 'status' },
        },
      },
    } as unknown as ExecutionStatus;
    const details = stepDetailsOf('fetch', status, events);
    expect(details.output).toEqual({ from: 'status' });
    expect(details.status).toBe('completed');
  });

  it('takes the error from the step_failed event', () => {
    const failed: ExecutionEvent = {
      seq: 9,
      instance_id: 'i1',
      step_id: 'parse',
      timestamp: at,
      event_type: 'step_failed',
      data: {
        error: { code: 'BAD', message: 'nope' },
        attempts: 1,
        duration_ms: 1,
        output_handles: [],
      },
    };
    const details = stepDetailsOf('parse', null, [failed]);
    expect(details.error).toEqual({ code: 'BAD', message: 'nope' });
    expect(details.hasOutput).toBe(false);
  });

  it('has no input, output or error for a step that has not run', () => {
    expect(stepDetailsOf('later', null, events)).toEqual({
      stepId: 'later',
      status: undefined,
      attempts: undefined,
      input: undefined,
      hasOutput: false,
      output: undefined,
      error: undefined,
      outputHandles: undefined,
      wait: undefined,
    });
  });

  it('names the handles a finished step took', () => {
    expect(stepDetailsOf('fetch', null, events).outputHandles).toEqual(['output']);
  });

  it('calls a step that a stop ended cancelled', () => {
    const status = {
      steps: {
        wait: {
          status: 'failed',
          attempts: 1,
          started_at: at,
          finished_at: at,
          error: { code: 'CANCELLED', message: 'The run was stopped while this step was running' },
        },
      },
    } as unknown as ExecutionStatus;
    expect(stepDetailsOf('wait', status, []).status).toBe('cancelled');
  });
});
