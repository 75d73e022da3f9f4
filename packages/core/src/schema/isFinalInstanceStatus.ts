import type { InstanceStatus } from './status';

/**
 * Whether a status is final: the run will not change again unless it is retried or run anew.
 * `interrupted` is not: the run resumes when a server starts on its store.
 */
export function isFinalInstanceStatus(status: InstanceStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}
