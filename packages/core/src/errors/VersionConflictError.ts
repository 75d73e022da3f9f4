import { ErrorCode } from './errorCodes';
import { FlowloomError } from './FlowloomError';

/**
 * A save based on an older version of a workflow (`expected_version` differs from the stored
 * one): nothing was written. A subclass because callers need the version the workflow is at,
 * to offer "reload" or "overwrite".
 *
 * @example
 * try { await store.saveWorkflow({ workflow_id, expected_version: 3, name, workflow_data }) }
 * catch (e) { if (e instanceof VersionConflictError) console.log('now at', e.current_version) }
 */
export class VersionConflictError extends FlowloomError {
  override readonly name = 'VersionConflictError';
  /** The version the workflow is at now. */
  readonly current_version: number;

  constructor(workflowId: string, expectedVersion: number, currentVersion: number) {
    super(
      ErrorCode.VERSION_CONFLICT,
      `Workflow "${workflowId}" is at version ${currentVersion}, not ${expectedVersion}: it was saved meanwhile`,
      {
        issues: [
          {
            path: 'expected_version',
            message: `The workflow is at version ${currentVersion}`,
          },
        ],
      },
    );
    this.current_version = currentVersion;
  }
}
