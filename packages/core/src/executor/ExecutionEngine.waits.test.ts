import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { applyEventToStatus, emptyExecutionStatus } from './applyEventToStatus';
import {
  chain,
  createClock,
  createControlFlowKit,
  edge,
  node,
  traceOf,
} from './controlFlowKit.test-helpers';

const HOUR = 3_600_000;

function waitFor(parameters: Record<string, unknown>) {
  return chain(
    node('wait', 'wait', parameters),
    node('after', 'transform', { mapping: { from: '{{ steps.wait }}' } }),
  );
}

async function refusal(promise: Promise<unknown>): Promise<FlowloomError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FlowloomError);
  return error as FlowloomError;
}

describe('a duration wait', () => {
  it('leaves the run waiting, held by no process, with its wake time in the store', async () => {
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const { id, done } = await kit.start(waitFor({ mode: 'duration', amount: 2, unit: 'hours' }));
    const status = await done;
    const wakeAt = new Date(clock.now() + 2 * HOUR).toISOString();
    expect(status.status).toBe('waiting');
    expect(status.steps.wait).toMatchObject({
      status: 'waiting',
      wait: { wake_at: wakeAt, resume: false },
    });
    expect(kit.engine.isRunning(id)).toBe(false);
    expect((await kit.store.getInstance(id))?.status).toBe('waiting');
    expect(await kit.store.listDueWaits({ now: wakeAt, limit: 10 })).toEqual([
      { instance_id: id, wake_at: wakeAt },
    ]);
    expect(traceOf(kit.events, id).slice(-3)).toEqual([
      'step_started:wait',
      'step_waiting:wait',
      'execution_waiting',
    ]);
  });

  it('is shown waiting by getStatus, rebuilt from the store', async () => {
    const kit = createControlFlowKit({ now: createClock().now });
    const { id, done } = await kit.start(waitFor({ mode: 'duration', amount: 5, unit: 'minutes' }));
    await done;
    const status = await kit.engine.getStatus(id);
    expect(status.status).toBe('waiting');
    expect(status.steps.wait?.status).toBe('waiting');
    expect(status.steps.after?.status).toBe('pending');
  });

  it('waits on when woken before its time', async () => {
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const { id, done } = await kit.start(waitFor({ mode: 'duration', amount: 1, unit: 'days' }));
    await done;
    clock.advance(HOUR);
    const woken = await kit.engine.wakeWorkflow(id);
    expect((await woken.done).status).toBe('waiting');
    expect(traceOf(kit.events, id)).not.toContain('step_resumed:wait');
  });

  it('continues once its time has come, passing its input on', async () => {
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const { id, done } = await kit.start(
      waitFor({ mode: 'duration', amount: 30, unit: 'seconds' }),
      { order: 7 },
    );
    await done;
    clock.advance(30_000);
    const woken = await kit.engine.wakeWorkflow(id);
    const status = await woken.done;
    expect(status.status).toBe('completed');
    expect(status.steps.after?.output_data).toEqual({ from: { order: 7 } });
    expect(traceOf(kit.events, id).slice(-7)).toEqual([
      'execution_resumed',
      'step_resumed:wait',
      'step_started:wait',
      'step_completed:wait',
      'step_started:after',
      'step_completed:after',
      'execution_completed',
    ]);
  });

  it('refuses to wake a run that does not wait, with CONFLICT', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start(chain(node('after', 'log', { message: 'hi' })));
    await done;
    expect((await refusal(kit.engine.wakeWorkflow(id))).code).toBe('CONFLICT');
  });

  it('refuses a duration over 30 days when the workflow is validated', async () => {
    const kit = createControlFlowKit();
    const refused = await refusal(
      kit.start(waitFor({ mode: 'duration', amount: 31, unit: 'days' })),
    );
    expect(refused.code).toBe('INVALID_WORKFLOW');
    expect(refused.message).toMatch(/30 days/);
  });
});

describe('an until wait', () => {
  it('goes on at once for a time already past', async () => {
    const kit = createControlFlowKit();
    const { done } = await kit.start(waitFor({ mode: 'until', until: '2020-01-01T00:00:00Z' }));
    expect((await done).status).toBe('completed');
  });

  it('waits until the time given', async () => {
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const { done } = await kit.start(
      waitFor({ mode: 'until', until: '2026-03-02T09:30:00+01:00' }),
    );
    expect((await done).steps.wait?.wait).toEqual({
      wake_at: '2026-03-02T08:30:00.000Z',
      resume: false,
    });
  });

  it('refuses a date without an offset', async () => {
    const kit = createControlFlowKit();
    const refused = await refusal(kit.start(waitFor({ mode: 'until', until: 'next monday' })));
    expect(refused.code).toBe('INVALID_WORKFLOW');
  });
});

describe('a resume wait', () => {
  it('outputs the data the resume sends and completes the run', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start(waitFor({ mode: 'resume' }));
    const waiting = await done;
    expect(waiting.steps.wait?.wait).toEqual({ resume: true });
    const resumed = await kit.engine.resumeWait(id, 'wait', { approved: true });
    const status = await resumed.done;
    expect(status.status).toBe('completed');
    expect(status.steps.wait?.output_data).toEqual({ approved: true });
    expect(status.steps.after?.output_data).toEqual({ from: { approved: true } });
  });

  it('answers NOT_FOUND for a step the workflow does not have', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start(waitFor({ mode: 'resume' }));
    await done;
    expect((await refusal(kit.engine.resumeWait(id, 'nope', {}))).code).toBe('NOT_FOUND');
  });

  it('answers CONFLICT for a step that is not waiting', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start(waitFor({ mode: 'resume' }));
    await done;
    expect((await refusal(kit.engine.resumeWait(id, 'after', {}))).code).toBe('CONFLICT');
  });

  it('answers CONFLICT for a step that waits for a time, not a resume', async () => {
    const kit = createControlFlowKit({ now: createClock().now });
    const { id, done } = await kit.start(waitFor({ mode: 'duration', amount: 1, unit: 'hours' }));
    await done;
    expect((await refusal(kit.engine.resumeWait(id, 'wait', {}))).code).toBe('CONFLICT');
  });

  it('answers CONFLICT for a step resumed twice', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start(waitFor({ mode: 'resume' }));
    await done;
    await (await kit.engine.resumeWait(id, 'wait', {})).done;
    expect((await refusal(kit.engine.resumeWait(id, 'wait', {}))).code).toBe('CONFLICT');
  });

  it('fails WAIT_TIMEOUT once its timeout passed, with no timeout branch', async () => {
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const { id, done } = await kit.start(waitFor({ mode: 'resume', timeout_ms: 60_000 }));
    expect((await done).steps.wait?.wait?.wake_at).toBe(
      new Date(clock.now() + 60_000).toISOString(),
    );
    clock.advance(60_000);
    const status = await (await kit.engine.wakeWorkflow(id)).done;
    expect(status.status).toBe('failed');
    expect(status.error).toMatchObject({ code: 'WAIT_TIMEOUT', step_id: 'wait' });
  });

  it('follows its timeout branch once its timeout passed, when one is drawn', async () => {
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const document = waitFor({ mode: 'resume', timeout_ms: 1_000 });
    document.nodes.push(node('late', 'log', { message: 'too late' }));
    document.edges.push(edge('wait', 'late', 'timeout'));
    const { id, done } = await kit.start(document);
    await done;
    clock.advance(1_000);
    const status = await (await kit.engine.wakeWorkflow(id)).done;
    expect(status.status).toBe('completed');
    expect(status.steps.wait).toMatchObject({ status: 'completed', output_handles: ['timeout'] });
    expect(status.steps.late?.status).toBe('completed');
    expect(status.steps.after?.status).toBe('skipped');
  });

  it('is woken in place while another branch of the run still runs', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start({
      nodes: [
        node('start', 'manual_trigger'),
        node('wait', 'wait', { mode: 'resume' }),
        node('busy', 'hold'),
      ],
      edges: [edge('start', 'wait'), edge('start', 'busy')],
    });
    await expect
      .poll(async () => (await kit.engine.getStatus(id)).steps.wait?.status)
      .toBe('waiting');
    expect(kit.engine.isRunning(id)).toBe(true);
    await kit.engine.resumeWait(id, 'wait', { ok: 1 });
    await kit.holding();
    kit.release();
    const status = await done;
    expect(status.status).toBe('completed');
    expect(status.steps.wait?.output_data).toEqual({ ok: 1 });
    expect(traceOf(kit.events, id)).not.toContain('execution_waiting');
  });

  it('waits once the other branches are done', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start({
      nodes: [
        node('start', 'manual_trigger'),
        node('wait', 'wait', { mode: 'resume' }),
        node('busy', 'hold'),
      ],
      edges: [edge('start', 'wait'), edge('start', 'busy')],
    });
    await expect
      .poll(async () => (await kit.engine.getStatus(id)).steps.wait?.status)
      .toBe('waiting');
    await kit.holding();
    kit.release();
    const status = await done;
    expect(status.status).toBe('waiting');
    expect(status.steps.busy?.status).toBe('completed');
  });
});

describe('a waiting run', () => {
  it('is refused a new start with CONFLICT', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start(waitFor({ mode: 'resume' }));
    await done;
    const refused = await refusal(kit.engine.startWorkflow(id, {}));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/waiting/);
  });

  it('is cancelled by a stop, its waiting step failed CANCELLED', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start(waitFor({ mode: 'resume' }));
    await done;
    const status = await kit.engine.stopWorkflow(id);
    expect(status.status).toBe('cancelled');
    expect(status.steps.wait).toMatchObject({ status: 'failed', error: { code: 'CANCELLED' } });
    expect((await kit.store.getInstance(id))?.status).toBe('cancelled');
  });

  it('can be retried after a stop, waiting again', async () => {
    const kit = createControlFlowKit();
    const { id, done } = await kit.start(waitFor({ mode: 'resume' }));
    await done;
    await kit.engine.stopWorkflow(id);
    const retried = await kit.engine.retryWorkflow(id);
    expect((await retried.done).status).toBe('waiting');
  });

  it('replays through applyEventToStatus to what getStatus answers', async () => {
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const { id, done } = await kit.start(waitFor({ mode: 'resume', timeout_ms: 5_000 }));
    await done;
    const replay = async () => {
      const status = await kit.engine.getStatus(id);
      let replayed = { ...emptyExecutionStatus(id), steps: { ...status.steps } };
      for (const id of Object.keys(replayed.steps)) {
        replayed.steps[id] = {
          status: 'pending',
          attempts: 0,
          started_at: null,
          finished_at: null,
        };
      }
      for (const event of await kit.store.listEvents(id))
        replayed = applyEventToStatus(replayed, event);
      return { replayed, status: JSON.parse(JSON.stringify(status)) };
    };
    const waiting = await replay();
    expect(waiting.replayed.status).toBe('waiting');
    expect(waiting.replayed.steps).toEqual(waiting.status.steps);
    await (await kit.engine.resumeWait(id, 'wait', { yes: true })).done;
    const completed = await replay();
    expect(completed.replayed.status).toBe('completed');
    expect(completed.replayed.steps).toEqual(completed.status.steps);
  });
});
