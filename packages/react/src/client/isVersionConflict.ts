import type { ClientError, VersionConflictClientError } from './clientTypes';

/**
 * Whether a failed save was refused because the workflow was saved meanwhile: then
 * `error.current_version` is the version it is at now.
 *
 * @example
 * const saved = await client.saveWorkflow({ workflow_id, name, workflow_data, expected_version: 3 });
 * if (!saved.success && isVersionConflict(saved.error)) offerReload(saved.error.current_version);
 */
export function isVersionConflict(error: ClientError): error is VersionConflictClientError {
  return (
    error.code === 'VERSION_CONFLICT' &&
    error.status === 409 &&
    typeof error.current_version === 'number'
  );
}
