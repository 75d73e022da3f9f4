import type { ExecutionStatus } from '@flowloom/core';
import { describe, expect, it, vi } from 'vitest';
import type { ClientResult } from '../client/clientTypes';
import { ExecutionTracker } from './ExecutionTracker';
import { makeEvent, makeStatus } from './executionFixtures.test-helpers';
import { FakeWorkflowClient } from './fakeWorkflowClient.test-helpers';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ExecutionTracker', () => {
  it('applies events that crossed a status answer on top of it', async () => {
    const client = new FakeWorkflowClient();
    let answer!: (result: ClientResult<ExecutionStatus>) => void;
    vi.spyOn(client, 'getStatus').mockImplementation(
      () => new Promise((resolve) => (answer = resolve)),
    );
    const tracker = new ExecutionTracker(client);
    tracker.track('inst_1');
    client.emit(
      makeEvent(1, 'execution_started', { input_data: {}, variables: {}, total_steps: 2 }),
    );
    client.emit(makeEvent(2, 'step_started', { attempt: 1 }, 'a'));
    // The answer was made before the events arrived: the run had not started.
    answer({ success: true, data: makeStatus('inst_1', 'pending', ['a', 'b']) });
    await flush();
    expect(tracker.getSnapshot().status).toMatchObject({
      status: 'running',
      steps: { a: { status: 'running' }, b: { status: 'pending' } },
      progress: { completed: 0, total: 2 },
    });
  });

  it('keeps only the latest status answer', async () => {
    const client = new FakeWorkflowClient();
    const answers: Array<(result: ClientResult<ExecutionStatus>) => void> = [];
    vi.spyOn(client, 'getStatus').mockImplementation(
      () => new Promise((resolve) => answers.push(resolve)),
    );
    const tracker = new ExecutionTracker(client);
    tracker.track('inst_1');
    void tracker.refreshStatus();
    answers[1]!({ success: true, data: makeStatus('inst_1', 'completed') });
    answers[0]!({ success: true, data: makeStatus('inst_1', 'pending') });
    await flush();
    expect(tracker.getSnapshot().status?.status).toBe('completed');
  });

  it('tells its listeners once for a burst of events', async () => {
    const client = new FakeWorkflowClient();
    const tracker = new ExecutionTracker(client);
    tracker.track('inst_1');
    await flush();
    const listener = vi.fn();
    tracker.subscribe(listener);
    for (let seq = 1; seq <= 50; seq += 1)
      client.emit(makeEvent(seq, 'log', { level: 'info', message: `${seq}` }));
    await flush();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(tracker.getSnapshot().events).toHaveLength(50);
    expect(tracker.getSnapshot().events[0]!.seq).toBe(50);
  });

  it('ignores an event it has already seen', async () => {
    const client = new FakeWorkflowClient();
    const tracker = new ExecutionTracker(client);
    tracker.track('inst_1');
    client.emit(makeEvent(1, 'log', { level: 'info', message: 'once' }));
    client.emit(makeEvent(1, 'log', { level: 'info', message: 'once' }));
    await flush();
    expect(tracker.getSnapshot().logs).toHaveLength(1);
  });

  it('keeps the logs array when only non-log events arrive', async () => {
    const client = new FakeWorkflowClient();
    const tracker = new ExecutionTracker(client);
    tracker.track('inst_1');
    client.emit(makeEvent(1, 'log', { level: 'info', message: 'x' }));
    await flush();
    const logs = tracker.getSnapshot().logs;
    client.emit(makeEvent(2, 'step_started', { attempt: 1 }, 'a'));
    await flush();
    expect(tracker.getSnapshot().logs).toBe(logs);
  });

  it('shares one subscription with another tracker of the same instance', async () => {
    const client = new FakeWorkflowClient();
    const panel = new ExecutionTracker(client);
    const canvas = new ExecutionTracker(client);
    panel.track('inst_1');
    canvas.track('inst_1');
    expect(client.openSubscriptions('inst_1')).toHaveLength(1);
    client.emit(makeEvent(1, 'log', { level: 'info', message: 'once' }));
    await flush();
    expect(panel.getSnapshot().events).toHaveLength(1);
    expect(canvas.getSnapshot().events).toBe(panel.getSnapshot().events);
  });

  it('keeps following when another tracker of the same instance stops', async () => {
    const client = new FakeWorkflowClient();
    const panel = new ExecutionTracker(client);
    const canvas = new ExecutionTracker(client);
    panel.track('inst_1');
    canvas.track('inst_1');
    canvas.untrack();
    client.emit(makeEvent(1, 'log', { level: 'info', message: 'still here' }));
    await flush();
    expect(panel.getSnapshot().logs.map((log) => log.message)).toEqual(['still here']);
    expect(canvas.getSnapshot().instanceId).toBeUndefined();
    panel.untrack();
    expect(client.openSubscriptions()).toEqual([]);
  });
});
