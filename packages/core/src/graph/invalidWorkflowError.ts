import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import type { WorkflowIssue } from '../schema/workflowValidation';

/**
 * The `INVALID_WORKFLOW` error for a failed validation: every error-severity issue, each with a
 * path (`<node or edge id>.<field>`, or the document path of a malformed part) under `prefix`.
 */
export function invalidWorkflowError(issues: readonly WorkflowIssue[], prefix = ''): FlowloomError {
  const problems = issues.filter((issue) => issue.severity === 'error');
  return new FlowloomError(
    ErrorCode.INVALID_WORKFLOW,
    `The workflow is invalid: ${problems.map((issue) => issue.message).join('; ')}`,
    {
      issues: problems.map((issue) => {
        // A malformed part's field is already a path into the document (`nodes.1.id`).
        const path =
          issue.code === 'MALFORMED_WORKFLOW'
            ? (issue.field ?? '')
            : [issue.node_id ?? issue.edge_id, issue.field].filter(Boolean).join('.');
        return { path: [prefix, path].filter(Boolean).join('.'), message: issue.message };
      }),
    },
  );
}
