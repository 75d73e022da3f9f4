import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinComponents } from '../components/builtinComponents';
import { SubWorkflowComponent } from '../components/SubWorkflowComponent';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { chain, createClock, createControlFlowKit, node } from './controlFlowKit.test-helpers';
import { ExecutionEngine } from './ExecutionEngine';
import { CHILD_RECHECK_MS } from './parkedWakeAt';

const iso = (ms: number) => new Date(ms).toISOString();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a parent waiting for its sub-workflow', () => {
  it('is stored with a recheck time, so it is never stranded', async () => {
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const childId = await kit.save('Approval', chain(node('approve', 'wait', { mode: 'resume' })));
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId })),
    );
    expect((await done).status).toBe('waiting');
    const dueIds = async (at: number) =>
      (await kit.store.listDueWaits({ now: iso(at), limit: 10 })).map((wait) => wait.instance_id);
    expect(await dueIds(clock.now())).toEqual([]);
    expect(await dueIds(clock.now() + CHILD_RECHECK_MS)).toEqual([id]);
  });

  it('is made due at once when its child ends in another process that cannot wake it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const childId = await kit.save('Approval', chain(node('approve', 'wait', { mode: 'resume' })));
    const { id, done } = await kit.start(
      chain(node('sub', 'sub_workflow', { workflow_id: childId })),
    );
    expect((await done).status).toBe('waiting');
    const [child] = (await kit.store.listInstanceSummaries({ parent_instance_id: id })).instances;
    // Another process, one that can run the child but not the parent's workflow.
    const other = new ExecutionEngine({
      store: kit.store,
      now: clock.now,
      registry: new ComponentRegistry({
        components: builtinComponents.filter((component) => component !== SubWorkflowComponent),
      }),
    });
    await (await other.resumeWait(child!.instance_id, 'approve', { ok: true })).done;
    // It tried to wake the parent itself, and could not.
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`Could not wake run ${id}`)),
    );
    await vi.waitFor(async () =>
      expect(await kit.store.listDueWaits({ now: iso(clock.now()), limit: 10 })).toEqual([
        { instance_id: id, wake_at: iso(clock.now()) },
      ]),
    );
    // The first process's waker continues it (once the other gave its lease back).
    const woken = await vi.waitFor(() => kit.engine.wakeWorkflow(id));
    const status = await woken.done;
    expect(status.status).toBe('completed');
    expect(status.steps.sub?.output_data).toEqual({ ok: true });
  });
});

describe('a resume request racing a waker in another process', () => {
  it('lets exactly one continue the run; the other is refused CONFLICT', async () => {
    const clock = createClock();
    const kit = createControlFlowKit({ now: clock.now });
    const { id, done } = await kit.start(
      chain(
        node('approve', 'wait', { mode: 'resume', timeout_ms: 60_000 }),
        node('after', 'probe', { value: 'after' }),
      ),
    );
    expect((await done).status).toBe('waiting');
    clock.advance(61_000);
    const other = createControlFlowKit({ store: kit.store, now: clock.now });
    const [woken, resumed] = await Promise.allSettled([
      kit.engine.wakeWorkflow(id),
      other.engine.resumeWait(id, 'approve', { approved: true }),
    ]);
    const winners = [woken, resumed].filter((outcome) => outcome.status === 'fulfilled');
    const losers = [woken, resumed].filter((outcome) => outcome.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect((losers[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    await (winners[0] as PromiseFulfilledResult<{ done: Promise<unknown> }>).value.done;
    const events = await kit.store.listEvents(id);
    const ends = events.filter(
      (event) =>
        event.step_id === 'approve' &&
        (event.event_type === 'step_completed' || event.event_type === 'step_failed'),
    );
    expect(ends).toHaveLength(1);
    expect(new Set(events.map((event) => event.seq)).size).toBe(events.length);
  });
});
