import { describe, expect, it } from 'vitest';
import {
  EXECUTION_EVENT_TYPES,
  ExecutionEventDataSchemas,
  ExecutionEventSchema,
} from './executionEvent';

const base = {
  seq: 1,
  instance_id: 'inst_1',
  step_id: 'n1',
  timestamp: '2024-01-01T00:00:00.000Z',
};

describe('ExecutionEventSchema', () => {
  it('accepts a step_completed event with its payload', () => {
    const event = {
      ...base,
      event_type: 'step_completed',
      data: { output_data: { ok: true }, output_handles: ['output'], duration_ms: 3, attempts: 1 },
    };
    expect(ExecutionEventSchema.parse(event)).toEqual(event);
  });

  it('accepts a step_failed event with an error code and message', () => {
    const event = {
      ...base,
      event_type: 'step_failed',
      data: {
        error: { code: 'STEP_FAILED', message: 'boom' },
        attempts: 2,
        duration_ms: 10,
        output_handles: [],
      },
    };
    expect(ExecutionEventSchema.safeParse(event).success).toBe(true);
  });

  it('accepts an engine log event without step_id', () => {
    const { step_id: _omitted, ...withoutStep } = base;
    const event = { ...withoutStep, event_type: 'log', data: { level: 'info', message: 'hi' } };
    expect(ExecutionEventSchema.parse(event)).toEqual(event);
  });

  it('checks the payload against the event type', () => {
    const result = ExecutionEventSchema.safeParse({
      ...base,
      event_type: 'step_skipped',
      data: { output_data: {}, output_handles: [], duration_ms: 1, attempts: 1 },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['data.reason']);
  });

  it('rejects an unknown event type', () => {
    const result = ExecutionEventSchema.safeParse({
      ...base,
      event_type: 'step_exploded',
      data: {},
    });
    expect(result.success).toBe(false);
  });

  it('rejects seq 0 and fractional seq (seq starts at 1)', () => {
    const data = { reason: 'branch_not_taken' };
    for (const seq of [0, -1, 1.5]) {
      const result = ExecutionEventSchema.safeParse({
        ...base,
        seq,
        event_type: 'step_skipped',
        data,
      });
      expect(
        result.error?.issues.map((issue) => issue.path.join('.')),
        String(seq),
      ).toEqual(['seq']);
    }
  });

  it('accepts an execution_queued event saying what begins once a slot frees', () => {
    const { step_id: _omitted, ...withoutStep } = base;
    const event = {
      ...withoutStep,
      event_type: 'execution_queued',
      data: { run: 'start', variables: { a: 1 }, until: 'n2' },
    };
    expect(ExecutionEventSchema.parse(event)).toEqual(event);
    const bad = ExecutionEventSchema.safeParse({ ...event, data: { run: 'later' } });
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['data.run']);
  });

  it('rejects a log event with an unknown level', () => {
    const result = ExecutionEventSchema.safeParse({
      ...base,
      event_type: 'log',
      data: { level: 'verbose', message: 'x' },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['data.level']);
  });
});

describe('EXECUTION_EVENT_TYPES', () => {
  it('lists every event type of the issue', () => {
    expect([...EXECUTION_EVENT_TYPES].sort()).toEqual(
      [
        'execution_queued',
        'execution_started',
        'step_started',
        'step_completed',
        'step_failed',
        'step_retrying',
        'step_skipped',
        'log',
        'execution_completed',
        'execution_failed',
        'execution_cancelled',
        'execution_interrupted',
        'execution_resumed',
        'execution_retried',
        'step_waiting',
        'step_resumed',
        'execution_waiting',
      ].sort(),
    );
  });

  it('has a payload schema for each type', () => {
    expect(Object.keys(ExecutionEventDataSchemas)).toEqual([...EXECUTION_EVENT_TYPES]);
  });
});
