import type { WorkflowInstance } from '../schema/workflowInstance';
import type { WorkflowStore } from '../store/WorkflowStore';
import { applyEvent } from './applyEvent';
import { readRunJournal } from './readRunJournal';
import { createRunState, stepStateOf } from './runState';

/**
 * Whether a step of an instance's latest run waits for a resume request, from its stored
 * journal: a state replayed through the reducer, no run made.
 */
export async function waitsForResume(
  store: WorkflowStore,
  instance: WorkflowInstance,
  stepId: string,
): Promise<boolean> {
  const { events } = await readRunJournal(store, instance.instance_id);
  const state = createRunState(
    instance.instance_id,
    instance.workflow_data.nodes.map((node) => node.id),
  );
  for (const event of events) applyEvent(state, event);
  const step = stepStateOf(state, stepId);
  return step?.status === 'waiting' && step.wait?.resume === true;
}
