import { describe, expect, it } from 'vitest';
import { buildExecutionPlan } from '../graph/buildExecutionPlan';
import type { ExecutionEvent } from '../schema/executionEvent';
import { applyEvent } from './applyEvent';
import { createTestRegistry, edge, node } from './engineTestKit.test-helpers';
import { createRunState } from './runState';
import { stepsToRetry } from './stepsToRetry';

const at = '2026-01-01T00:00:00.000Z';

function finished(seq: number, stepId: string, how: 'completed' | 'failed' | 'skipped') {
  const base = { seq, instance_id: 'i', step_id: stepId, timestamp: at };
  if (how === 'skipped') {
    return { ...base, event_type: 'step_skipped', data: { reason: 'branch_not_taken' } };
  }
  if (how === 'completed') {
    const data = { output_data: {}, output_handles: ['output'], duration_ms: 1, attempts: 1 };
    return { ...base, event_type: 'step_completed', data };
  }
  const error = { code: 'BOOM', message: 'no' };
  return {
    ...base,
    event_type: 'step_failed',
    data: { error, attempts: 1, duration_ms: 1, output_handles: ['error'] },
  };
}

describe('stepsToRetry', () => {
  it('takes the failed steps and every finished step downstream, not the upstream or pending ones', () => {
    // s → f (fails, error branch → e), f → ok (skipped: branch not taken), s → x (fails) → y (pending)
    const plan = buildExecutionPlan(
      {
        nodes: [
          node('s', 'start'),
          node('f', 'fail'),
          node('e', 'step'),
          node('ok', 'step'),
          node('x', 'fail'),
          node('y', 'step'),
        ],
        edges: [
          edge('s', 'f'),
          edge('f', 'e', 'error'),
          edge('f', 'ok', 'success'),
          edge('s', 'x'),
          edge('x', 'y', 'success'),
        ],
      },
      createTestRegistry(),
    );
    const state = createRunState('i', plan.stepIds);
    const events = [
      finished(1, 's', 'completed'),
      finished(2, 'f', 'failed'),
      finished(3, 'e', 'completed'),
      finished(4, 'ok', 'skipped'),
      finished(5, 'x', 'failed'),
    ] as ExecutionEvent[];
    for (const event of events) applyEvent(state, event);
    expect(stepsToRetry(plan, state)).toEqual(['f', 'e', 'ok', 'x']);
  });
});
