import { describe, expect, it } from 'vitest';
import type { ExecutionEvent } from '../schema/executionEvent';
import { applyEvent } from './applyEvent';
import { createTestEngine, edge, node } from './engineTestKit.test-helpers';
import { createRunState, stepStateOf } from './runState';
import { toExecutionStatus } from './toExecutionStatus';

function replay(instanceId: string, stepIds: string[], events: readonly ExecutionEvent[]) {
  const state = createRunState(instanceId, stepIds);
  for (const event of events) applyEvent(state, event);
  return state;
}

describe('applyEvent (the run-state reducer)', () => {
  it('rebuilds exactly the state a run ended with from its events alone', async () => {
    const { run } = createTestEngine();
    const { instance, status, events } = await run({
      nodes: [
        node('s', 'start'),
        node('if', 'branch', { go: true }),
        node('yes', 'set', { name: 'v', value: 1 }),
        node('no', 'step'),
      ],
      edges: [edge('s', 'if'), edge('if', 'yes', 'true'), edge('if', 'no', 'false')],
    });
    const state = replay(instance.instance_id, ['s', 'if', 'yes', 'no'], events);
    expect(toExecutionStatus(state)).toEqual(status);
    expect(state.outputs).toEqual({ s: {}, if: { go: true }, yes: {} });
    expect(state.lastSeq).toBe(events.at(-1)!.seq);
  });

  it('replays a prefix of the journal into the state the run had at that point', async () => {
    const { run } = createTestEngine();
    const { instance, events } = await run({
      nodes: [node('s', 'start'), node('a', 'step', { value: 2 }), node('b', 'step')],
      edges: [edge('s', 'a'), edge('a', 'b')],
    });
    const upToA = events.findIndex(
      (event) => event.event_type === 'step_completed' && event.step_id === 'a',
    );
    const state = replay(instance.instance_id, ['s', 'a', 'b'], events.slice(0, upToA + 1));
    expect(state.status).toBe('running');
    expect(toExecutionStatus(state).steps).toMatchObject({
      s: { status: 'completed' },
      a: { status: 'completed' },
      b: { status: 'pending' },
    });
    expect(state.finishedSteps).toBe(2);
  });

  it('starts a new run from a clean slate', () => {
    const state = createRunState('i', ['a']);
    const base = { instance_id: 'i', timestamp: '2026-01-01T00:00:00.000Z' };
    applyEvent(state, {
      ...base,
      seq: 1,
      event_type: 'execution_started',
      data: { input_data: {}, variables: { x: 1 }, total_steps: 1 },
    });
    applyEvent(state, {
      ...base,
      seq: 2,
      event_type: 'step_completed',
      step_id: 'a',
      data: {
        output_data: { v: 1 },
        output_handles: ['output'],
        duration_ms: 1,
        attempts: 1,
        set_variables: { y: 2 },
      },
    });
    applyEvent(state, {
      ...base,
      seq: 3,
      event_type: 'execution_completed',
      data: { duration_ms: 1, progress: { completed: 1, total: 1 } },
    });
    expect(state.variables).toEqual({ x: 1, y: 2 });
    applyEvent(state, {
      ...base,
      seq: 4,
      event_type: 'execution_started',
      data: { input_data: { again: true }, variables: {}, total_steps: 1 },
    });
    expect(state).toMatchObject({
      status: 'running',
      finishedSteps: 0,
      outputs: {},
      variables: {},
      input_data: { again: true },
    });
    expect(stepStateOf(state, 'a')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('records a cancellation as the run’s error', () => {
    const state = createRunState('i', []);
    applyEvent(state, {
      seq: 1,
      instance_id: 'i',
      timestamp: 't',
      event_type: 'execution_cancelled',
      data: { duration_ms: 3, reason: 'stop' },
    });
    expect(state).toMatchObject({
      status: 'cancelled',
      error: { code: 'CANCELLED', message: 'stop' },
      finished_at: 't',
    });
  });

  it('sets retried steps back to pending and drops their outputs, keeping attempts', async () => {
    const { run } = createTestEngine();
    const { instance, events } = await run({
      nodes: [node('s', 'start'), node('bad', 'fail')],
      edges: [edge('s', 'bad')],
    });
    const state = replay(
      instance.instance_id,
      ['s', 'bad'],
      [
        ...events,
        {
          seq: events.length + 1,
          event_type: 'execution_retried',
          instance_id: instance.instance_id,
          timestamp: '2026-01-01T00:00:00.000Z',
          data: { step_ids: ['bad'] },
        },
      ],
    );
    expect(state).toMatchObject({
      status: 'running',
      finished_at: null,
      error: null,
      finishedSteps: 1,
      attemptBase: { bad: 1 },
    });
    expect(stepStateOf(state, 'bad')).toMatchObject({ status: 'pending', attempts: 1 });
    expect('bad' in state.outputs).toBe(false);
  });
});
