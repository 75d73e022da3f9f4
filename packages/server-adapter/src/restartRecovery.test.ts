import { describe, expect, it, vi } from 'vitest';
import {
  callApi as call,
  executionLines,
  finalStatus,
  type ServerProcess,
  serverProcesses,
  sqliteCompletedSteps,
  startRestartServer,
  tickChain,
} from './serverProcess.test-helpers';

// The newcomer's case: a host restarts its server mid-run (a deploy: SIGTERM; a crash: SIGKILL)
// and starts a new process on the same SQLite file. The run must finish with every step
// completed once, and `stop` and `execute` must answer sensibly at each moment in between.

const TICKS = ['tick1', 'tick2', 'tick3', 'tick4'];
/** The servers' run leases: a killed one's run is taken over this long after its last renewal. */
const LEASE_MS = 500;

/** manual trigger → four `tick` steps of 300 ms: five steps. */
const fiveSteps = tickChain(TICKS, () => 300);

const processes = serverProcesses('flowloom-restart-');

function startServerProcess(resume: boolean): Promise<ServerProcess & { api: string }> {
  return startRestartServer(processes, { resume, leaseMs: LEASE_MS });
}

/** Creates the five-step instance and executes it; resolves with its id. */
async function startRun(api: string): Promise<string> {
  const created = await call(api, 'POST', '/instances', {
    name: 'Five steps',
    workflow_data: fiveSteps,
  });
  expect(created.status).toBe(201);
  const instanceId: string = created.body.instance_id;
  expect((await call(api, 'POST', `/instances/${instanceId}/execute`, {})).status).toBe(202);
  return instanceId;
}

/** Waits until a step of the run is running. */
async function whileRunning(api: string, instanceId: string, stepId: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const status = await call(api, 'GET', `/instances/${instanceId}/status`);
      expect(status.body.steps[stepId]?.status).toBe('running');
    },
    { timeout: 10_000, interval: 20 },
  );
}

/** Every `tick` execution the processes recorded: `[step_id, idempotency_key]`. */
function executions(): Array<[string, string]> {
  return executionLines(processes.file('executions')) as Array<[string, string]>;
}

/** How many `step_completed` events each step has in the store. */
function completions(instanceId: string): Promise<Record<string, number>> {
  return sqliteCompletedSteps(processes.file('flowloom.db'), instanceId);
}

/** Waits out a killed process's lease, so the next process may take its run over. */
function leaseExpired(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, LEASE_MS));
}

const ONCE_EACH = { start: 1, tick1: 1, tick2: 1, tick3: 1, tick4: 1 };

describe('a server restarted mid-run', { timeout: 90_000 }, () => {
  it('after SIGTERM: the running step finishes, the run is interrupted, and the next process completes it', async () => {
    const first = await startServerProcess(true);
    const instanceId = await startRun(first.api);
    const other = await call(first.api, 'POST', '/instances', {
      name: 'Other',
      workflow_data: fiveSteps,
    });
    await whileRunning(first.api, instanceId, 'tick2');

    first.child.kill('SIGTERM');
    await first.printed('CLOSING');
    // Shutting down: no new run, while the running step gets its grace period.
    const refused = await call(
      first.api,
      'POST',
      `/instances/${other.body.instance_id}/execute`,
      {},
    );
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('SHUTTING_DOWN');
    expect(await first.exited).toBe(0);

    // A process that does not resume shows the run interrupted: execute is refused, with why.
    const idle = await startServerProcess(false);
    expect((await call(idle.api, 'GET', `/instances/${instanceId}`)).body.status).toBe(
      'interrupted',
    );
    const execute = await call(idle.api, 'POST', `/instances/${instanceId}/execute`, {});
    expect(execute.status).toBe(409);
    expect(execute.body.error.message).toMatch(/resumes when the server starts again/);
    idle.child.kill('SIGTERM');
    expect(await idle.exited).toBe(0);

    const next = await startServerProcess(true);
    expect(await next.printed('READY ')).toBe('READY 1');
    const busy = await call(next.api, 'POST', `/instances/${instanceId}/execute`, {});
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toMatch(/already running/);
    const status = await finalStatus(next.api, instanceId);
    expect(status.status).toBe('completed');
    expect(status.progress).toEqual({ completed: 5, total: 5 });
    const stop = await call(next.api, 'POST', `/instances/${instanceId}/stop`);
    expect(stop.status).toBe(409);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);

    expect(await completions(instanceId)).toEqual(ONCE_EACH);
    // The grace period let tick2 finish: every step ran exactly once.
    expect(executions().map(([stepId]) => stepId)).toEqual(TICKS);
  });

  it('after SIGKILL: the next process resumes the run, re-running only the step in flight, with the same key', async () => {
    const first = await startServerProcess(true);
    const instanceId = await startRun(first.api);
    await whileRunning(first.api, instanceId, 'tick2');
    first.child.kill('SIGKILL');
    await first.exited;
    await leaseExpired();
    const executedBeforeRestart = executions().length;

    // A process that does not resume: the record still says running (nothing told the store
    // otherwise), and it can't know whether another live process holds the run, so execute
    // and stop are both refused and the run is left alone for the process that resumes.
    const idle = await startServerProcess(false);
    expect(await idle.printed('READY ')).toBe('READY 0');
    expect((await call(idle.api, 'GET', `/instances/${instanceId}`)).body.status).toBe('running');
    const idleExecute = await call(idle.api, 'POST', `/instances/${instanceId}/execute`, {});
    expect(idleExecute.status).toBe(409);
    expect(idleExecute.body.error.message).toMatch(/already running/);
    const idleStop = await call(idle.api, 'POST', `/instances/${instanceId}/stop`);
    expect(idleStop.status).toBe(409);
    expect(idleStop.body.error.code).toBe('CONFLICT');
    idle.child.kill('SIGTERM');
    expect(await idle.exited).toBe(0);
    expect(executions()).toHaveLength(executedBeforeRestart);

    // The resuming process, as soon as it listens (its resume maybe still going): the run is
    // running, here or about to be, so a second start is refused.
    const next = await startServerProcess(true);
    const early = await call(next.api, 'POST', `/instances/${instanceId}/execute`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/already running/);
    expect(await next.printed('READY ')).toBe('READY 1');
    const busy = await call(next.api, 'POST', `/instances/${instanceId}/execute`, {});
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toMatch(/already running/);
    const status = await finalStatus(next.api, instanceId);
    expect(status.status).toBe('completed');
    // Finished: nothing left to stop.
    expect((await call(next.api, 'POST', `/instances/${instanceId}/stop`)).status).toBe(409);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);

    expect(await completions(instanceId)).toEqual(ONCE_EACH);
    // At-least-once: the step in flight at the kill (tick2, unless the machine was slow enough
    // for it to finish first) ran again, with the same idempotency key; no other step did.
    const runs = executions();
    const inFlight = runs.find(([stepId], at) => runs[at + 1]?.[0] === stepId)?.[0];
    expect(['tick2', 'tick3']).toContain(inFlight);
    expect(runs.map(([stepId]) => stepId)).toEqual(
      TICKS.flatMap((id) => (id === inFlight ? [id, id] : [id])),
    );
    const keys = runs.filter(([stepId]) => stepId === inFlight).map(([, key]) => key);
    expect(keys).toEqual([`${instanceId}:${inFlight}:1`, `${instanceId}:${inFlight}:1`]);
  });

  it('stops a run a killed process left running, once the new process is up', async () => {
    const first = await startServerProcess(true);
    const instanceId = await startRun(first.api);
    await whileRunning(first.api, instanceId, 'tick1');
    first.child.kill('SIGKILL');
    await first.exited;
    await leaseExpired();

    const next = await startServerProcess(true);
    await next.printed('READY ');
    const stop = await call(next.api, 'POST', `/instances/${instanceId}/stop`);
    expect(stop.status).toBe(200);
    expect(stop.body.status).toBe('cancelled');
    const retry = await call(next.api, 'POST', `/instances/${instanceId}/retry`);
    expect(retry.status).toBe(202);
    expect((await finalStatus(next.api, instanceId)).status).toBe('completed');
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expect(await completions(instanceId)).toEqual(ONCE_EACH);
  });
});
