import { describe, expect, it } from 'vitest';
import { pause, sampleWorkflow } from './contractSamples';
import type { WorkflowStore } from './WorkflowStore';

/**
 * The activation part of `describeWorkflowStoreContract`: a saved workflow is active at one of
 * its versions until deactivated or deleted, and active workflows can be listed (to re-arm
 * their triggers at start).
 */
export function describeActivationContract(store: () => WorkflowStore): void {
  describe('workflow activation', () => {
    /** A workflow saved `versions` times; returns its id. */
    async function saved(versions = 1): Promise<string> {
      const first = await store().saveWorkflow({ name: 'W', workflow_data: sampleWorkflow() });
      for (let version = 2; version <= versions; version += 1) {
        await store().saveWorkflow({
          workflow_id: first.workflow_id,
          name: 'W',
          workflow_data: sampleWorkflow(),
        });
      }
      return first.workflow_id;
    }

    it('reads a saved workflow as inactive until it is activated', async () => {
      const id = await saved();
      expect(await store().getActivation(id)).toBeNull();
      expect(await store().getActivation('missing')).toBeNull();
      expect(await store().listActivations()).toEqual([]);
    });

    it('activates a workflow at a version and reads it back and in the list', async () => {
      const id = await saved(2);
      const activation = await store().activateWorkflow(id, 1);
      expect(activation).toEqual({
        workflow_id: id,
        active_version: 1,
        activated_at: expect.any(String),
      });
      expect(await store().getActivation(id)).toEqual(activation);
      expect(await store().listActivations()).toEqual([activation]);
    });

    it('moves an active workflow to the version activated next', async () => {
      const id = await saved(2);
      const first = await store().activateWorkflow(id, 2);
      await pause();
      const again = await store().activateWorkflow(id, 1);
      expect(again.active_version).toBe(1);
      expect(again.activated_at > first.activated_at).toBe(true);
      expect(await store().listActivations()).toHaveLength(1);
    });

    it('refuses to activate an unknown workflow or version, writing nothing', async () => {
      const id = await saved();
      await expect(store().activateWorkflow('missing', 1)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(store().activateWorkflow(id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await store().listActivations()).toEqual([]);
    });

    it('deactivates an active workflow once, answering whether it was active', async () => {
      const id = await saved();
      await store().activateWorkflow(id, 1);
      expect(await store().deactivateWorkflow(id)).toBe(true);
      expect(await store().deactivateWorkflow(id)).toBe(false);
      expect(await store().deactivateWorkflow('missing')).toBe(false);
      expect(await store().getActivation(id)).toBeNull();
      expect(await store().listActivations()).toEqual([]);
    });

    it('deactivates a workflow when it is deleted', async () => {
      const id = await saved();
      const other = await saved();
      await store().activateWorkflow(id, 1);
      await store().activateWorkflow(other, 1);
      await store().deleteWorkflow(id);
      expect(await store().getActivation(id)).toBeNull();
      expect((await store().listActivations()).map((a) => a.workflow_id)).toEqual([other]);
    });

    it('switches an active workflow to a newer version only', async () => {
      const id = await saved(3);
      await store().activateWorkflow(id, 2);
      expect((await store().switchActiveVersion(id, 3))?.active_version).toBe(3);
      // An older save finishing last must not move the triggers back.
      expect((await store().switchActiveVersion(id, 2))?.active_version).toBe(3);
      expect((await store().getActivation(id))?.active_version).toBe(3);
    });

    it('leaves an inactive workflow inactive when switching, and ignores an unknown version', async () => {
      const id = await saved(2);
      expect(await store().switchActiveVersion(id, 2)).toBeNull();
      expect(await store().getActivation(id)).toBeNull();
      await store().activateWorkflow(id, 1);
      expect((await store().switchActiveVersion(id, 9))?.active_version).toBe(1);
    });
  });
}
