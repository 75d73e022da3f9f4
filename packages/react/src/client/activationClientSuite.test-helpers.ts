import type { WorkflowDataInput } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import type { WorkflowClient } from './clientTypes';

/** Webhook trigger (`POST /orders`) → log: a workflow that can be activated. */
const webhookWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/orders' } } },
    { id: 'say', type: 'log', data: { parameters: { message: 'order' } } },
  ],
  edges: [{ id: 'e1', source: 'hook', target: 'say' }],
};

/** Manual trigger → log: valid, but nothing would start it once active. */
const manualWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'say', type: 'log', data: { parameters: { message: 'hi' } } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'say' }],
};

function dataOf<T>(result: { success: true; data: T } | { success: false; error: unknown }): T {
  if (!result.success) throw new Error(`Expected success, got ${JSON.stringify(result.error)}`);
  return result.data;
}

/**
 * The activation calls of the client (`getWorkflow`, `activateWorkflow`, `deactivateWorkflow`)
 * as one suite: run against the real server and against the MSW kit, so the fake answers as
 * the server does.
 */
export function describeActivationClient(name: string, clientOf: () => Promise<WorkflowClient>) {
  describe(`${name}: workflow activation`, () => {
    it('reads a saved workflow as inactive until it is activated', async () => {
      const client = await clientOf();
      const saved = dataOf(
        await client.saveWorkflow({ name: 'Orders', workflow_data: webhookWorkflow }),
      );
      const detail = dataOf(await client.getWorkflow(saved.workflow_id));
      expect(detail).toMatchObject({
        workflow_id: saved.workflow_id,
        name: 'Orders',
        version: 1,
        active: false,
        active_version: null,
        triggers: [],
      });
      expect(detail.workflow_data.nodes).toHaveLength(2);
    });

    it('activates a workflow with a webhook trigger and describes the armed webhook', async () => {
      const client = await clientOf();
      const saved = dataOf(
        await client.saveWorkflow({ name: 'Orders', workflow_data: webhookWorkflow }),
      );
      const activated = dataOf(await client.activateWorkflow(saved.workflow_id));
      expect(activated).toMatchObject({
        workflow_id: saved.workflow_id,
        active: true,
        version: 1,
        triggers: [{ step_id: 'hook', type: 'webhook', method: 'POST' }],
      });
      expect(activated.triggers[0]!.webhook_url).toMatch(
        new RegExp(`/webhooks/${saved.workflow_id}/orders$`),
      );
      expect(dataOf(await client.getWorkflow(saved.workflow_id))).toMatchObject({
        active: true,
        active_version: 1,
        triggers: [{ step_id: 'hook', type: 'webhook' }],
      });
    });

    it('deactivates an active workflow', async () => {
      const client = await clientOf();
      const saved = dataOf(
        await client.saveWorkflow({ name: 'Orders', workflow_data: webhookWorkflow }),
      );
      dataOf(await client.activateWorkflow(saved.workflow_id));
      expect(dataOf(await client.deactivateWorkflow(saved.workflow_id))).toEqual({
        workflow_id: saved.workflow_id,
        active: false,
      });
      expect(dataOf(await client.getWorkflow(saved.workflow_id)).active).toBe(false);
    });

    it('refuses to activate a workflow without a webhook or schedule trigger', async () => {
      const client = await clientOf();
      const saved = dataOf(
        await client.saveWorkflow({ name: 'By hand', workflow_data: manualWorkflow }),
      );
      expect(await client.activateWorkflow(saved.workflow_id)).toMatchObject({
        success: false,
        error: { code: 'NO_TRIGGER', status: 400 },
      });
      expect(dataOf(await client.getWorkflow(saved.workflow_id)).active).toBe(false);
    });

    it('refuses to activate a workflow that does not validate, naming its problems', async () => {
      const client = await clientOf();
      const broken: WorkflowDataInput = {
        nodes: [
          { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/x' } } },
          { id: 'say', type: 'log', data: { parameters: {} } },
        ],
        edges: [{ id: 'e1', source: 'hook', target: 'say' }],
      };
      const saved = dataOf(await client.saveWorkflow({ name: 'Broken', workflow_data: broken }));
      const answer = await client.activateWorkflow(saved.workflow_id);
      expect(answer).toMatchObject({
        success: false,
        error: { code: 'INVALID_WORKFLOW', status: 400 },
      });
      if (answer.success) return;
      expect(answer.error.issues?.length).toBeGreaterThan(0);
    });

    it('answers 404 for an unknown workflow', async () => {
      const client = await clientOf();
      for (const answer of [
        await client.getWorkflow('wf_missing'),
        await client.activateWorkflow('wf_missing'),
        await client.deactivateWorkflow('wf_missing'),
      ]) {
        expect(answer).toMatchObject({ success: false, error: { code: 'NOT_FOUND', status: 404 } });
      }
    });
  });
}
