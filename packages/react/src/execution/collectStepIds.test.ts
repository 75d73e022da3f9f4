import type { ExecutionEvent, ExecutionStatus } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { collectStepIds } from './collectStepIds';

function stepStarted(seq: number, stepId: string): ExecutionEvent {
  return {
    seq,
    instance_id: 'i1',
    step_id: stepId,
    timestamp: '2024-01-01T00:00:00.000Z',
    event_type: 'step_started',
    data: { attempt: 1 },
  };
}

const pendingStep = {
  status: 'pending',
  attempts: 0,
  started_at: null,
  finished_at: null,
} as const;

describe('collectStepIds', () => {
  it('lists the status steps first, then steps only seen in events, each once', () => {
    const status = {
      steps: { trigger: pendingStep, fetch: pendingStep },
    } as unknown as ExecutionStatus;
    const events = [stepStarted(3, 'extra'), stepStarted(2, 'fetch'), stepStarted(1, 'extra')];
    expect(collectStepIds(status, events)).toEqual(['trigger', 'fetch', 'extra']);
  });

  it('ignores events without a step', () => {
    const engineLog: ExecutionEvent = {
      seq: 1,
      instance_id: 'i1',
      timestamp: '2024-01-01T00:00:00.000Z',
      event_type: 'log',
      data: { level: 'info', message: 'engine' },
    };
    expect(collectStepIds(null, [engineLog])).toEqual([]);
  });
});
