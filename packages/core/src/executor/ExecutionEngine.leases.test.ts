import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { WorkflowStore } from '../store/WorkflowStore';
import { chainWorkflow, createLifecycleKit, storedOfType } from './lifecycleKit.test-helpers';

// Engines here are live rivals: each has an owner of its own (the kit's default shares one).

/** An engine of the kit as a process of its own, with a chain held at `holdAt`. */
async function holdChain(
  kit: ReturnType<typeof createLifecycleKit>,
  ownerId: string,
  options: { leaseMs?: number; store?: WorkflowStore } = {},
  holdAt = 'b',
) {
  const engine = kit.engine({ ownerId, ...options });
  const instance = await engine.createInstance({ name: 'chain', workflow_data: chainWorkflow() });
  kit.held.add(holdAt);
  const started = await engine.startWorkflow(instance.instance_id);
  await kit.heldAt(holdAt);
  return { engine, instanceId: instance.instance_id, done: started.done };
}

/** The store as `engine` sees it, with its lease renewals held back until `resume()`. */
function stallingRenewals(store: WorkflowStore) {
  const waiting: Array<() => void> = [];
  const stalled: WorkflowStore = Object.create(store);
  stalled.renewRunLeases = async (...args) => {
    await new Promise<void>((resolve) => waiting.push(resolve));
    return store.renewRunLeases(...args);
  };
  return {
    store: stalled,
    resume: () => {
      for (const go of waiting.splice(0)) go();
    },
    stalled: () => waiting.length > 0,
  };
}

describe('ExecutionEngine: a run holds its lease while it executes', () => {
  it('takes the lease before the run and gives it up when the run ends', async () => {
    const kit = createLifecycleKit();
    const { instanceId, done } = await holdChain(kit, 'owner-a');
    expect(await kit.store.acquireRunLease(instanceId, 'owner-b', 60_000)).toBeNull();
    kit.release('b');
    expect((await done).status).toBe('completed');
    await vi.waitFor(async () =>
      expect(await kit.store.acquireRunLease(instanceId, 'owner-b', 60_000)).not.toBeNull(),
    );
  });

  it('refuses start, resume, retry and stop with CONFLICT while another live process holds it', async () => {
    const kit = createLifecycleKit();
    const engine = kit.engine({ ownerId: 'owner-a' });
    const instance = await engine.createInstance({ name: 'x', workflow_data: chainWorkflow() });
    const id = instance.instance_id;
    await kit.store.acquireRunLease(id, 'owner-b', 60_000);
    const elsewhere = { code: 'CONFLICT', message: expect.stringMatching(/on another process/) };
    await expect(engine.startWorkflow(id)).rejects.toMatchObject(elsewhere);
    await kit.store.updateInstance(id, { status: 'interrupted' });
    await expect(engine.resumeWorkflow(id)).rejects.toMatchObject(elsewhere);
    await expect(engine.stopWorkflow(id)).rejects.toMatchObject(elsewhere);
    await kit.store.updateInstance(id, { status: 'running' });
    await expect(engine.stopWorkflow(id, 'x', { cancelOrphaned: true })).rejects.toMatchObject(
      elsewhere,
    );
    await kit.store.updateInstance(id, { status: 'failed' });
    await expect(engine.retryWorkflow(id)).rejects.toMatchObject(elsewhere);
    expect(await kit.store.listEvents(id)).toEqual([]);
    expect(engine.isRunning(id)).toBe(false);
    // Refused, yet the lease stays with its holder.
    expect(await kit.store.renewRunLeases('owner-b', [id], 60_000)).toEqual([id]);
  });

  it('renews the lease for as long as the run lasts, past leaseMs', async () => {
    const kit = createLifecycleKit();
    const { engine, instanceId, done } = await holdChain(kit, 'owner-a', { leaseMs: 90 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await kit.store.acquireRunLease(instanceId, 'owner-b', 60_000)).toBeNull();
    await expect(kit.engine({ ownerId: 'owner-b' }).stopWorkflow(instanceId)).rejects.toThrow();
    kit.release('b');
    expect((await done).status).toBe('completed');
    expect(engine.isRunning(instanceId)).toBe(false);
  });

  it('stops executing a run whose lease another process took over, journaling no end of its own', async () => {
    const kit = createLifecycleKit();
    const renewals = stallingRenewals(kit.store);
    const first = await holdChain(kit, 'owner-a', { leaseMs: 60, store: renewals.store });
    // Its heartbeat is stuck (a paused process): the lease expires and another process resumes.
    await vi.waitFor(() => expect(renewals.stalled()).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 150));
    kit.held.delete('b');
    const second = kit.engine({ ownerId: 'owner-b' });
    const taken = await second.resumeWorkflow(first.instanceId);
    expect((await taken.done).status).toBe('completed');

    // The paused process wakes: its renewal finds the lease gone, and its run stops here.
    renewals.resume();
    const abandoned = await first.done;
    expect(abandoned.status).toBe('running');
    expect(first.engine.isRunning(first.instanceId)).toBe(false);
    const events = await kit.store.listEvents(first.instanceId);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    const ends = await storedOfType(
      kit.store,
      first.instanceId,
      'execution_completed',
      'execution_failed',
      'execution_cancelled',
      'execution_interrupted',
    );
    expect(ends.map((event) => event.event_type)).toEqual(['execution_completed']);
    expect((await kit.store.getInstance(first.instanceId))?.status).toBe('completed');
    // Completed steps ran once; b ran again after the takeover (same attempt, same key).
    expect(kit.calledSteps()).toEqual(['start', 'a', 'b', 'b', 'c']);
  });

  it('gives up the leases of the runs close() leaves interrupted, so another process resumes them at once', async () => {
    const kit = createLifecycleKit();
    const { engine, instanceId } = await holdChain(kit, 'owner-a');
    await engine.close({ graceMs: 0 });
    expect((await kit.store.getInstance(instanceId))?.status).toBe('interrupted');
    expect(await kit.store.claimOrphanedRuns('owner-b', 60_000, 10)).toEqual([instanceId]);
  });

  it('refuses a leaseMs that is not a positive number', () => {
    const kit = createLifecycleKit();
    for (const leaseMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => kit.engine({ leaseMs })).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });

  it('never keeps the process alive: a process whose run waits on nothing but its lease exits', async () => {
    const coreSource = fileURLToPath(new URL('../index.ts', import.meta.url));
    // A step held on a promise nothing will resolve: only the heartbeat timer is left.
    const script = `
      const { ComponentRegistry, defineComponent, ExecutionEngine } = await import(${JSON.stringify(coreSource)});
      let held;
      const registry = new ComponentRegistry({ components: [defineComponent({
        type: 'hang', name: 'Hang', category: 'utilities',
        execute: () => new Promise(() => { held(); }),
      })] });
      const engine = new ExecutionEngine({ registry, ownerId: 'child', leaseMs: 60 });
      const instance = await engine.createInstance({ name: 'x', workflow_data: {
        nodes: [{ id: 'h', type: 'hang', position: { x: 0, y: 0 }, data: { parameters: {} } }],
        edges: [],
      } });
      await new Promise((resolve) => { held = resolve; engine.startWorkflow(instance.instance_id); });
      // Heartbeats happen meanwhile: the lease is renewed, yet nothing holds the process.
      console.log(JSON.stringify(await engine.store.renewRunLeases('child', [instance.instance_id], 60)));
      console.log('HELD');
    `;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timeout);
    expect(output).toContain('HELD');
    expect(code).toBe(0);
  }, 20_000);
});
