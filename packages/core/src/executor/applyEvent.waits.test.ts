import { describe, expect, it } from 'vitest';
import type { ExecutionEvent } from '../schema/executionEvent';
import { applyEvent } from './applyEvent';
import { applyEventToStatus, emptyExecutionStatus } from './applyEventToStatus';
import { createRunState, stepStateOf } from './runState';

const T = '2026-03-01T12:00:00.000Z';
const WAKE = '2026-03-01T13:00:00.000Z';

/** A run's events: started, a step that waits, the run waits, wakes and completes the step. */
function waitJournal(): ExecutionEvent[] {
  const base = { instance_id: 'i', timestamp: T };
  return [
    {
      ...base,
      seq: 1,
      event_type: 'execution_started',
      data: { input_data: {}, variables: {}, total_steps: 1 },
    },
    { ...base, seq: 2, event_type: 'step_started', step_id: 'w', data: { attempt: 1 } },
    {
      ...base,
      seq: 3,
      event_type: 'step_waiting',
      step_id: 'w',
      data: { wake_at: WAKE, resume: true },
    },
    {
      ...base,
      seq: 4,
      event_type: 'execution_waiting',
      data: { duration_ms: 1, wake_at: WAKE, step_ids: ['w'] },
    },
    { ...base, seq: 5, event_type: 'execution_resumed', data: { step_ids: [] } },
    { ...base, seq: 6, event_type: 'step_resumed', step_id: 'w', data: { data: { ok: true } } },
    { ...base, seq: 7, event_type: 'step_started', step_id: 'w', data: { attempt: 1 } },
    {
      ...base,
      seq: 8,
      event_type: 'step_completed',
      step_id: 'w',
      data: { output_data: { ok: true }, output_handles: ['output'], duration_ms: 1, attempts: 1 },
    },
  ];
}

describe('applyEvent with waits', () => {
  it('marks the step waiting with what it waits for, and the run waiting with its wake time', () => {
    const state = createRunState('i', ['w']);
    for (const event of waitJournal().slice(0, 4)) applyEvent(state, event);
    expect(state.status).toBe('waiting');
    expect(state.wake_at).toBe(WAKE);
    expect(stepStateOf(state, 'w')).toMatchObject({
      status: 'waiting',
      wait: { wake_at: WAKE, resume: true },
    });
  });

  it('runs the step again on step_resumed, keeping the resume data as its wake', () => {
    const state = createRunState('i', ['w']);
    for (const event of waitJournal().slice(0, 6)) applyEvent(state, event);
    expect(state.status).toBe('running');
    expect(state.wake_at).toBeNull();
    expect(stepStateOf(state, 'w')?.status).toBe('running');
    expect(stepStateOf(state, 'w')?.wait).toBeUndefined();
    expect(state.wakes.w).toEqual({ data: { ok: true } });
  });

  it('forgets the wake once the step completes, keeping its first start time', () => {
    const state = createRunState('i', ['w']);
    for (const event of waitJournal()) applyEvent(state, event);
    expect(stepStateOf(state, 'w')).toMatchObject({ status: 'completed', started_at: T });
    expect(state.wakes.w).toBeUndefined();
    expect(state.finishedSteps).toBe(1);
  });
});

describe('applyEventToStatus with waits', () => {
  it('shows the waiting step, when it wakes, and the run waiting', () => {
    let status = emptyExecutionStatus('i');
    for (const event of waitJournal().slice(0, 4)) status = applyEventToStatus(status, event);
    expect(status.status).toBe('waiting');
    expect(status.steps.w).toMatchObject({
      status: 'waiting',
      wait: { wake_at: WAKE, resume: true },
    });
    expect(status.progress.completed).toBe(0);
  });

  it('drops the wait once the step resumed and completed', () => {
    let status = emptyExecutionStatus('i');
    for (const event of waitJournal()) status = applyEventToStatus(status, event);
    expect(status.steps.w).toMatchObject({ status: 'completed', output_data: { ok: true } });
    expect(status.steps.w).not.toHaveProperty('wait');
    expect(status.progress.completed).toBe(1);
  });

  it('does not change the status object it is given', () => {
    const before = emptyExecutionStatus('i');
    const journal = waitJournal();
    let status = before;
    for (const event of journal.slice(0, 3)) status = applyEventToStatus(status, event);
    const frozen = JSON.stringify(status);
    applyEventToStatus(status, journal[5]!);
    expect(JSON.stringify(status)).toBe(frozen);
  });
});
