import type { ExecutionEvent } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { createFormatters } from '../i18n/createFormatters';
import { en } from '../i18n/en';
import { describeEvent } from './describeEvent';

const base = { seq: 1, instance_id: 'i1', step_id: 's1', timestamp: '2024-01-01T00:00:00.000Z' };

function describeAs(event: Omit<ExecutionEvent, 'seq' | 'instance_id' | 'timestamp'>): string {
  return describeEvent({ ...base, ...event } as ExecutionEvent, en.events, createFormatters('en'));
}

describe('describeEvent', () => {
  it('gives the step count of a started run', () => {
    expect(
      describeAs({
        event_type: 'execution_started',
        data: { input_data: {}, variables: {}, total_steps: 4 },
      }),
    ).toBe('4 steps');
  });

  it('says a queued run waits for a free slot', () => {
    expect(describeAs({ event_type: 'execution_queued', data: { run: 'start' } })).toBe(
      'Queued: it starts once another run of its team or workflow ends',
    );
  });

  it('gives the duration and handles of a completed step', () => {
    expect(
      describeAs({
        event_type: 'step_completed',
        data: { output_data: {}, output_handles: ['true'], duration_ms: 12, attempts: 1 },
      }),
    ).toBe('in 12ms → true');
  });

  it('gives the code and message of a failed step', () => {
    expect(
      describeAs({
        event_type: 'step_failed',
        data: {
          error: { code: 'HTTP_ERROR', message: 'boom' },
          attempts: 1,
          duration_ms: 1,
          output_handles: [],
        },
      }),
    ).toBe('HTTP_ERROR: boom');
  });

  it('gives the delay of a retry', () => {
    expect(
      describeAs({
        event_type: 'step_retrying',
        data: { attempt: 1, delay_ms: 2000, error: { code: 'X', message: 'timeout' } },
      }),
    ).toBe('attempt 1 failed (timeout); retrying in 2.0s');
  });

  it('gives the level and message of a log line', () => {
    expect(describeAs({ event_type: 'log', data: { level: 'warn', message: 'slow' } })).toBe(
      '[warn] slow',
    );
  });

  it('gives why a step was skipped', () => {
    expect(describeAs({ event_type: 'step_skipped', data: { reason: 'branch_not_taken' } })).toBe(
      'branch not taken',
    );
  });

  it('gives the progress and duration of a completed run', () => {
    expect(
      describeAs({
        event_type: 'execution_completed',
        data: { duration_ms: 65_000, progress: { completed: 3, total: 3 } },
      }),
    ).toBe('3 / 3 steps in 1m 5s');
  });

  it('gives the reason of a cancelled run', () => {
    expect(
      describeAs({
        event_type: 'execution_cancelled',
        data: { duration_ms: 1, reason: 'stopped by user' },
      }),
    ).toBe('stopped by user');
  });

  it('says an interrupted run resumes when the server is back', () => {
    expect(
      describeAs({
        event_type: 'execution_interrupted',
        data: { duration_ms: 1, reason: 'The server shut down before the run ended' },
      }),
    ).toBe('Interrupted by a restart; it resumes when the server is back');
  });

  it('names the steps a resumed run runs again', () => {
    expect(describeAs({ event_type: 'execution_resumed', data: { step_ids: ['fetch'] } })).toBe(
      'resumed after a restart; running again: fetch',
    );
    expect(describeAs({ event_type: 'execution_resumed', data: { step_ids: [] } })).toBe(
      'resumed after a restart',
    );
  });

  it('names the steps a retry runs again', () => {
    expect(
      describeAs({ event_type: 'execution_retried', data: { step_ids: ['parse', 'store'] } }),
    ).toBe('retrying from parse, store');
  });

  it('tells what a waiting step waits for: a resume, or a time', () => {
    expect(describeAs({ event_type: 'step_waiting', data: { resume: true } })).toBe(
      'waiting to be resumed',
    );
    const wakeAt = '2026-12-01T09:30:00.000Z';
    expect(
      describeAs({ event_type: 'step_waiting', data: { resume: false, wake_at: wakeAt } }),
    ).toBe(`waiting until ${createFormatters('en').dateTime(wakeAt)}`);
  });

  it('shows the data a step was resumed with', () => {
    expect(describeAs({ event_type: 'step_resumed', data: { data: { approved: true } } })).toBe(
      'resumed with {"approved":true}',
    );
    expect(describeAs({ event_type: 'step_resumed', data: {} })).toBe('resumed');
  });

  it('says a waiting run continues when its wait ends', () => {
    expect(
      describeAs({
        event_type: 'execution_waiting',
        data: { duration_ms: 1, step_ids: ['approve'] },
      }),
    ).toBe('Waiting: it continues when its wait ends or it is resumed');
  });

  it('says why a step was skipped, a disabled one included', () => {
    expect(describeAs({ event_type: 'step_skipped', data: { reason: 'disabled' } })).toBe(
      'disabled',
    );
  });

  it('speaks the catalogue it is given, with its locale’s durations', async () => {
    const { de } = await import('../locales/de');
    const event = {
      ...base,
      event_type: 'step_completed',
      data: { output_data: {}, output_handles: [], duration_ms: 1500, attempts: 1 },
    } as ExecutionEvent;
    expect(describeEvent(event, de.events, createFormatters('de'))).toBe('in 1,5 Sek.');
  });
});
