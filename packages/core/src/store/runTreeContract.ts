import { describe, expect, it } from 'vitest';
import { sampleInstance } from './contractSamples';
import type { WorkflowStore } from './WorkflowStore';

/**
 * The run-tree part of `describeWorkflowStoreContract`: an instance keeps the root of its tree
 * of sub-workflows (`root_instance_id`), and `countTreeRuns` counts the runs of one tree.
 */
export function describeRunTreeContract(store: () => WorkflowStore): void {
  describe('run trees', () => {
    it('keeps root_instance_id, and makes a record written without one its own root', async () => {
      await store().createInstance(sampleInstance('root'));
      await store().createInstance(
        sampleInstance('child', { parent_instance_id: 'root', root_instance_id: 'root' }),
      );
      const legacy = sampleInstance('legacy') as Partial<ReturnType<typeof sampleInstance>>;
      delete legacy.root_instance_id;
      await store().createInstance(legacy as ReturnType<typeof sampleInstance>);
      expect((await store().getInstance('child'))?.root_instance_id).toBe('root');
      expect((await store().getInstance('root'))?.root_instance_id).toBe('root');
      expect((await store().getInstance('legacy'))?.root_instance_id).toBe('legacy');
    });

    it('counts the runs of one tree, the root included, and forgets deleted ones', async () => {
      await store().createInstance(sampleInstance('root'));
      for (const id of ['a', 'b', 'a1']) {
        await store().createInstance(sampleInstance(id, { root_instance_id: 'root' }));
      }
      await store().createInstance(sampleInstance('other'));
      await store().createInstance(sampleInstance('other-child', { root_instance_id: 'other' }));
      expect(await store().countTreeRuns('root')).toBe(4);
      expect(await store().countTreeRuns('other')).toBe(2);
      expect(await store().countTreeRuns('nobody')).toBe(0);
      await store().deleteInstance('a1');
      expect(await store().countTreeRuns('root')).toBe(3);
    });
  });
}
