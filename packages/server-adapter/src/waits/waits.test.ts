import { afterEach, describe, expect, it, vi } from 'vitest';
import { chain, serveControlFlow } from './controlFlowServer.test-helpers';

// `wait` steps through the real API on 127.0.0.1, woken by the server's waker on a clock the
// tests move: no real minutes pass.

let served: Awaited<ReturnType<typeof serveControlFlow>> | undefined;

afterEach(async () => {
  await served?.close();
  served = undefined;
});

const HOUR = 3_600_000;

/** trigger → wait → `after`, which outputs what the wait output. */
function waitFor(parameters: Record<string, unknown>) {
  return chain(
    { id: 'wait', type: 'wait', parameters },
    { id: 'after', type: 'transform', parameters: { mapping: { got: '{{ steps.wait }}' } } },
  );
}

describe('a duration wait over HTTP', { timeout: 20_000 }, () => {
  it('shows the run waiting with its wake time, then the waker continues it once the clock passes it', async () => {
    served = await serveControlFlow();
    const id = await served.run({ workflow_data: waitFor({ amount: 3, unit: 'hours' }) }, { n: 1 });
    const waiting = await served.statusOnce(id, ['waiting']);
    const wakeAt = new Date(served.clock.now() + 3 * HOUR).toISOString();
    expect(waiting.steps.wait).toMatchObject({
      status: 'waiting',
      wait: { wake_at: wakeAt, resume: false },
    });
    expect((await served.request('GET', `/instances/${id}`)).body.status).toBe('waiting');
    // Two passes of the waker later, nothing is due yet.
    served.clock.advance(2 * HOUR);
    const passes = vi.spyOn(served.t.server.store, 'listDueWaits');
    await vi.waitFor(() => expect(passes.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect((await served.request('GET', `/instances/${id}/status`)).body.status).toBe('waiting');
    served.clock.advance(HOUR);
    const done = await served.statusOnce(id, ['completed', 'failed']);
    expect(done.status).toBe('completed');
    expect(done.steps.after.output_data).toEqual({ got: { n: 1 } });
  });

  it('is refused a DELETE with 409 while it waits', async () => {
    served = await serveControlFlow();
    const id = await served.run({ workflow_data: waitFor({ amount: 1, unit: 'days' }) });
    await served.statusOnce(id, ['waiting']);
    const deleted = await served.request('DELETE', `/instances/${id}`);
    expect(deleted.status).toBe(409);
  });

  it('is cancelled by POST /stop', async () => {
    served = await serveControlFlow();
    const id = await served.run({ workflow_data: waitFor({ amount: 1, unit: 'days' }) });
    await served.statusOnce(id, ['waiting']);
    const stopped = await served.request('POST', `/instances/${id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe('cancelled');
  });
});

describe('an until wait over HTTP', { timeout: 20_000 }, () => {
  it('goes on at once for a time already past', async () => {
    served = await serveControlFlow();
    const id = await served.run({
      workflow_data: waitFor({ mode: 'until', until: '2000-01-01T00:00:00Z' }),
    });
    const status = await served.statusOnce(id, ['completed', 'failed', 'waiting']);
    expect(status.status).toBe('completed');
  });
});

describe('a resume wait over HTTP', { timeout: 20_000 }, () => {
  it('answers POST /resume 202 and completes the run with the data as the step output', async () => {
    served = await serveControlFlow();
    const id = await served.run({ workflow_data: waitFor({ mode: 'resume' }) });
    const waiting = await served.statusOnce(id, ['waiting']);
    expect(waiting.steps.wait.wait).toEqual({ resume: true });
    const resumed = await served.request('POST', `/instances/${id}/resume`, {
      step_id: 'wait',
      data: { approved: true },
    });
    expect(resumed.status).toBe(202);
    expect(resumed.body).toEqual({ instance_id: id, status: 'running' });
    const done = await served.statusOnce(id, ['completed', 'failed']);
    expect(done.steps.wait.output_data).toEqual({ approved: true });
    expect(done.steps.after.output_data).toEqual({ got: { approved: true } });
  });

  it('answers 404 for a step the run does not have', async () => {
    served = await serveControlFlow();
    const id = await served.run({ workflow_data: waitFor({ mode: 'resume' }) });
    await served.statusOnce(id, ['waiting']);
    const resumed = await served.request('POST', `/instances/${id}/resume`, { step_id: 'nope' });
    expect(resumed.status).toBe(404);
    expect(resumed.body.error.code).toBe('NOT_FOUND');
  });

  it('answers 404 for an unknown instance', async () => {
    served = await serveControlFlow();
    const resumed = await served.request('POST', '/instances/inst_nope/resume', {
      step_id: 'wait',
    });
    expect(resumed.status).toBe(404);
  });

  it('answers 409 for a step that is not waiting', async () => {
    served = await serveControlFlow();
    const id = await served.run({ workflow_data: waitFor({ mode: 'resume' }) });
    await served.statusOnce(id, ['waiting']);
    const resumed = await served.request('POST', `/instances/${id}/resume`, { step_id: 'after' });
    expect(resumed.status).toBe(409);
    expect(resumed.body.error.code).toBe('CONFLICT');
  });

  it('answers 400 for a body without step_id', async () => {
    served = await serveControlFlow();
    const id = await served.run({ workflow_data: waitFor({ mode: 'resume' }) });
    const resumed = await served.request('POST', `/instances/${id}/resume`, { data: {} });
    expect(resumed.status).toBe(400);
    expect(resumed.body.error.issues.map((issue: { path: string }) => issue.path)).toContain(
      'step_id',
    );
  });

  it('fails WAIT_TIMEOUT once timeout_ms passed without a resume', async () => {
    served = await serveControlFlow();
    const id = await served.run({ workflow_data: waitFor({ mode: 'resume', timeout_ms: 60_000 }) });
    await served.statusOnce(id, ['waiting']);
    served.clock.advance(60_000);
    const status = await served.statusOnce(id, ['completed', 'failed']);
    expect(status.status).toBe('failed');
    expect(status.error).toMatchObject({ code: 'WAIT_TIMEOUT', step_id: 'wait' });
  });

  it('follows the timeout handle once timeout_ms passed, when it is connected', async () => {
    served = await serveControlFlow();
    const document = waitFor({ mode: 'resume', timeout_ms: 60_000 });
    document.nodes.push({
      id: 'late',
      type: 'log',
      data: { parameters: { message: 'no answer' } },
    });
    document.edges.push({ id: 'timeout', source: 'wait', target: 'late', sourceHandle: 'timeout' });
    const id = await served.run({ workflow_data: document });
    await served.statusOnce(id, ['waiting']);
    served.clock.advance(60_000);
    const status = await served.statusOnce(id, ['completed', 'failed']);
    expect(status.status).toBe('completed');
    expect(status.steps.late.status).toBe('completed');
    expect(status.steps.after.status).toBe('skipped');
  });
});
