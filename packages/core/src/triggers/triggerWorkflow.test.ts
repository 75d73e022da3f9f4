import { describe, expect, it } from 'vitest';
import { builtinComponents } from '../components/builtinComponents';
import { ExecutionEngine } from '../executor/ExecutionEngine';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import type { WorkflowDataInput } from '../schema/workflowData';
import { WorkflowDataSchema } from '../schema/workflowData';
import { MemoryStore } from '../store/MemoryStore';

/** A webhook trigger → a transform reading the body through `input` and `steps`. */
function webhookWorkflow(): WorkflowDataInput {
  return {
    nodes: [
      { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/orders' } } },
      {
        id: 'shape',
        type: 'transform',
        data: {
          parameters: {
            mapping: { from_input: '{{ input.body.id }}', from_step: '{{ steps.hook.body.id }}' },
          },
        },
      },
    ],
    edges: [{ id: 'hook-shape', source: 'hook', target: 'shape' }],
  };
}

function setUp() {
  const store = new MemoryStore();
  const registry = new ComponentRegistry({ components: builtinComponents });
  const engine = new ExecutionEngine({ store, registry });
  const save = async (workflow_data: WorkflowDataInput, workflow_id?: string) =>
    store.saveWorkflow({
      workflow_id,
      name: 'Orders',
      workflow_data: WorkflowDataSchema.parse(workflow_data),
      created_by: 'owner',
      tenant_id: 'team',
    });
  return { store, engine, save };
}

describe('engine.trigger', () => {
  it('runs the active version as a new instance owned by the workflow owner, recording the trigger', async () => {
    const { store, engine, save } = setUp();
    const saved = await save(webhookWorkflow());
    await store.activateWorkflow(saved.workflow_id, 1);
    const { instance, done } = await engine.trigger(saved.workflow_id, 'hook', { body: { id: 7 } });
    expect(instance).toMatchObject({
      workflow_id: saved.workflow_id,
      workflow_version: 1,
      name: 'Orders',
      trigger: { type: 'webhook', step_id: 'hook' },
      created_by: 'owner',
      tenant_id: 'team',
      status: 'running',
    });
    const status = await done;
    expect(status.status).toBe('completed');
    expect(status.steps.hook?.output_data).toEqual({ body: { id: 7 } });
    expect(status.steps.shape?.output_data).toEqual({ from_input: 7, from_step: 7 });
  });

  it('runs the active version, not a draft saved after it', async () => {
    const { store, engine, save } = setUp();
    const saved = await save(webhookWorkflow());
    await store.activateWorkflow(saved.workflow_id, 1);
    await save({ nodes: [{ id: 'hook', type: 'webhook_trigger' }] }, saved.workflow_id);
    const { instance, done } = await engine.trigger(saved.workflow_id, 'hook', { body: {} });
    expect(instance.workflow_version).toBe(1);
    expect((await done).steps.shape?.status).toBe('completed');
  });

  it('follows the trigger that fired only, skipping what only other triggers lead to', async () => {
    const { store, engine, save } = setUp();
    const saved = await save({
      nodes: [
        ...webhookWorkflow().nodes,
        { id: 'tick', type: 'schedule_trigger', data: { parameters: { cron: '0 * * * *' } } },
        { id: 'hourly', type: 'log', data: { parameters: { message: 'tick' } } },
      ],
      edges: [
        ...(webhookWorkflow().edges ?? []),
        { id: 'tick-hourly', source: 'tick', target: 'hourly' },
      ],
    });
    await store.activateWorkflow(saved.workflow_id, 1);
    const { instance, done } = await engine.trigger(saved.workflow_id, 'tick', {
      scheduled_at: '2026-01-01T00:00:00.000Z',
    });
    expect(instance.trigger).toEqual({ type: 'schedule', step_id: 'tick' });
    const status = await done;
    expect(status.status).toBe('completed');
    expect(status.steps.hourly?.status).toBe('completed');
    expect(status.steps.hook?.status).toBe('skipped');
    expect(status.steps.shape?.status).toBe('skipped');
    expect(instance.workflow_data.edges.map((edge) => edge.id)).toEqual([
      'hook-shape',
      'tick-hourly',
    ]);
    const skips = (await store.listEvents(instance.instance_id))
      .filter((event) => event.event_type === 'step_skipped')
      .map((event) => [event.step_id, (event.data as { reason: string }).reason]);
    expect(skips).toEqual([
      ['hook', 'not_triggered'],
      ['shape', 'branch_not_taken'],
    ]);
  });

  it('shares the version planned once between the runs its triggers start', async () => {
    const { store, engine, save } = setUp();
    const saved = await save(webhookWorkflow());
    await store.activateWorkflow(saved.workflow_id, 1);
    const first = await engine.trigger(saved.workflow_id, 'hook', { body: { id: 1 } });
    const second = await engine.trigger(saved.workflow_id, 'hook', { body: { id: 2 } });
    // One parsed, frozen document for the version: the second run was neither validated nor planned.
    expect(second.instance.workflow_data).toBe(first.instance.workflow_data);
    expect((await second.done).steps.shape?.output_data).toEqual({ from_input: 2, from_step: 2 });
  });

  it('refuses an inactive workflow with WORKFLOW_INACTIVE and creates no instance', async () => {
    const { store, engine, save } = setUp();
    const saved = await save(webhookWorkflow());
    await expect(engine.trigger(saved.workflow_id, 'hook')).rejects.toMatchObject({
      code: 'WORKFLOW_INACTIVE',
    });
    await store.activateWorkflow(saved.workflow_id, 1);
    await store.deactivateWorkflow(saved.workflow_id);
    await expect(engine.trigger(saved.workflow_id, 'hook')).rejects.toMatchObject({
      code: 'WORKFLOW_INACTIVE',
    });
    expect((await store.listInstances()).total).toBe(0);
  });

  it('refuses an unknown workflow and an unknown step with NOT_FOUND', async () => {
    const { store, engine, save } = setUp();
    await expect(engine.trigger('wf_missing', 'hook')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const saved = await save(webhookWorkflow());
    await store.activateWorkflow(saved.workflow_id, 1);
    await expect(engine.trigger(saved.workflow_id, 'nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('no step "nope"'),
    });
  });

  it('refuses a step that is not a trigger with VALIDATION_FAILED', async () => {
    const { store, engine, save } = setUp();
    const saved = await save(webhookWorkflow());
    await store.activateWorkflow(saved.workflow_id, 1);
    await expect(engine.trigger(saved.workflow_id, 'shape')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'step_id', message: 'Step "shape" is a "transform" step, not a trigger' }],
    });
  });

  it('leaves no instance behind when the run is refused at the start', async () => {
    const { store, engine, save } = setUp();
    const saved = await save(webhookWorkflow());
    await store.activateWorkflow(saved.workflow_id, 1);
    await expect(
      engine.trigger(saved.workflow_id, 'hook', [] as unknown as Record<string, unknown>),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await engine.close();
    await expect(engine.trigger(saved.workflow_id, 'hook')).rejects.toMatchObject({
      code: 'SHUTTING_DOWN',
    });
    expect((await store.listInstances()).total).toBe(0);
  });
});
