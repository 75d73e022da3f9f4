import { describe, expect, it, vi } from 'vitest';
import {
  callApi as call,
  executionLines,
  finalStatus,
  serverProcesses,
  sqliteCompletedSteps,
  startRestartServer,
} from '../serverProcess.test-helpers';

// An approval waits for days; the server is killed meanwhile (SIGKILL: no shutdown at all) and
// a new process starts on the same SQLite file. The run must still be waiting, not resumed
// early, and a resume request to the new process must complete it, each step once.

/** trigger → tick1 → approve (a wait for a resume) → tick2. */
const approval = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'tick1', type: 'tick', data: { parameters: { ms: 10 } } },
    { id: 'approve', type: 'wait', data: { parameters: { mode: 'resume' } } },
    { id: 'tick2', type: 'tick', data: { parameters: { ms: 10 } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'tick1' },
    { id: 'e2', source: 'tick1', target: 'approve' },
    { id: 'e3', source: 'approve', target: 'tick2', sourceHandle: 'output' },
  ],
};

const processes = serverProcesses('flowloom-approval-');

/** A server process on the test's SQLite file; resolves with its API and what it prints. */
function startServerProcess() {
  return startRestartServer(processes, { resume: true });
}

describe('an approval wait across a killed server', { timeout: 90_000 }, () => {
  it('is still waiting in the next process, not resumed early, and completes on POST /resume', async () => {
    const first = await startServerProcess();
    const created = await call(first.api, 'POST', '/instances', {
      name: 'Approval',
      workflow_data: approval,
    });
    expect(created.status).toBe(201);
    const id: string = created.body.instance_id;
    expect((await call(first.api, 'POST', `/instances/${id}/execute`, {})).status).toBe(202);
    // The record, not only the journal, says waiting: the wait is the store's from now on.
    await vi.waitFor(
      async () =>
        expect((await call(first.api, 'GET', `/instances/${id}`)).body.status).toBe('waiting'),
      { timeout: 10_000, interval: 20 },
    );
    first.child.kill('SIGKILL');
    await first.exited;

    const next = await startServerProcess();
    expect(await next.printed('READY ')).toBe('READY 0');
    const waiting = await call(next.api, 'GET', `/instances/${id}/status`);
    expect(waiting.body.status).toBe('waiting');
    expect(waiting.body.steps.approve).toMatchObject({ status: 'waiting', wait: { resume: true } });

    const resumed = await call(next.api, 'POST', `/instances/${id}/resume`, {
      step_id: 'approve',
      data: { approved: true, by: 'ada' },
    });
    expect(resumed.status).toBe(202);
    const done = await finalStatus(next.api, id);
    expect(done.status).toBe('completed');
    expect(done.steps.approve.output_data).toEqual({ approved: true, by: 'ada' });
    next.child.kill('SIGTERM');
    await next.exited;

    expect(await sqliteCompletedSteps(processes.file('flowloom.db'), id)).toEqual({
      start: 1,
      tick1: 1,
      approve: 1,
      tick2: 1,
    });
    const ticks = executionLines(processes.file('executions'));
    expect(ticks.map((line) => line[0])).toEqual(['tick1', 'tick2']);
  });
});
