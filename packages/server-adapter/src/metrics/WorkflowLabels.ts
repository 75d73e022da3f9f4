/** The label of runs of no saved workflow (made from a document). */
export const NO_WORKFLOW_LABEL = 'none';
/** The label of runs of workflows beyond the bound. */
export const OTHER_WORKFLOWS_LABEL = 'other';

/**
 * The `workflow_id` label values of the run counters, bounded: the first `max` workflows seen
 * keep their id, later ones share `other`. Each label value is a time series Prometheus keeps,
 * so an unbounded set would let end users who save workflows grow the host's metrics for ever.
 */
export class WorkflowLabels {
  private readonly kept = new Set<string>();

  constructor(private readonly max: number) {}

  labelOf(workflowId: string | null): string {
    if (workflowId === null) return NO_WORKFLOW_LABEL;
    if (this.kept.has(workflowId)) return workflowId;
    if (this.kept.size >= this.max) return OTHER_WORKFLOWS_LABEL;
    this.kept.add(workflowId);
    return workflowId;
  }
}
