import { WorkflowEditor } from './WorkflowEditor';

/**
 * The seed's name for {@link WorkflowEditor}: the same component, so the seed's samples work
 * with only their import line changed.
 */
export const EnhancedWorkflowEditor = WorkflowEditor;
