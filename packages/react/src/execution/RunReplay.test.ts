import { applyEventToStatus, type ExecutionEvent, emptyExecutionStatus } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../hooks/executionFixtures.test-helpers';
import { RunReplay } from './RunReplay';

function run(steps: number): ExecutionEvent[] {
  const events: ExecutionEvent[] = [
    makeEvent(1, 'execution_started', { input_data: {}, variables: {}, total_steps: steps }),
  ];
  for (let index = 0; index < steps; index += 1) {
    const id = `s${index}`;
    events.push(makeEvent(events.length + 1, 'step_started', { attempt: 1, input_data: {} }, id));
    events.push(
      makeEvent(
        events.length + 1,
        'step_completed',
        { output_data: { index }, output_handles: ['output'], duration_ms: 1, attempts: 1 },
        id,
      ),
    );
  }
  return events;
}

describe('RunReplay', () => {
  it('gives the status after the first n events', () => {
    const replay = new RunReplay('inst_1', run(3));
    expect(replay.statusAt(0).status).toBe('pending');
    expect(replay.statusAt(2)).toMatchObject({
      status: 'running',
      steps: { s0: { status: 'running' } },
    });
    expect(replay.statusAt(3).steps.s0).toMatchObject({
      status: 'completed',
      output_data: { index: 0 },
    });
    expect(replay.statusAt(3).steps.s1).toBeUndefined();
  });

  it('agrees with folding every event, across kept statuses, in any order of asking', () => {
    const events = run(400);
    const replay = new RunReplay('inst_1', events);
    let folded = emptyExecutionStatus('inst_1');
    const expected = [folded];
    for (const event of events) {
      folded = applyEventToStatus(folded, event);
      expected.push(folded);
    }
    for (const count of [801, 0, 257, 512, 513, 300, 256]) {
      expect(replay.statusAt(count)).toEqual(expected[count]);
    }
  });

  it('clamps a moment outside the run to its ends', () => {
    const replay = new RunReplay('inst_1', run(1));
    expect(replay.statusAt(-5).status).toBe('pending');
    expect(replay.statusAt(99)).toEqual(replay.statusAt(3));
  });
});
