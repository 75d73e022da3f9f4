import type { SavedWorkflow, WorkflowStore } from '@flowloom/core';
import { ANONYMOUS_USER } from '@flowloom/server-adapter';
import { sampleWorkflows } from './sampleWorkflows';

/**
 * Saves the sample workflows when the store holds no workflow at all, i.e. on the first start;
 * returns what it saved (nothing on later starts, so deleted samples stay deleted).
 *
 * @remarks They are saved as the anonymous user, the one every caller is while the API runs
 * without an `authenticate` hook, so the editor's list shows them.
 */
export async function seedSampleWorkflows(store: WorkflowStore): Promise<SavedWorkflow[]> {
  const { total } = await store.listWorkflows({ limit: 1 });
  if (total > 0) return [];
  const saved: SavedWorkflow[] = [];
  for (const sample of sampleWorkflows) {
    saved.push(
      await store.saveWorkflow({
        name: sample.name,
        workflow_data: sample.workflow_data,
        created_by: ANONYMOUS_USER.id,
      }),
    );
  }
  return saved;
}
