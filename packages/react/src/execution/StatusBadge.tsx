import type { InstanceStatus } from '@flowloom/core';
import { INTERRUPTED_TEXT, WAITING_TEXT } from './describeEvent';

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  /** The run's status; `idle` when there is no run yet. */
  status: InstanceStatus | 'idle';
}

const LABELS: Record<StatusBadgeProps['status'], string> = {
  idle: 'Idle',
  pending: 'Pending',
  running: 'Running',
  interrupted: 'Interrupted',
  waiting: 'Waiting',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** What a status means, where its label alone does not say. */
const TITLES: Partial<Record<StatusBadgeProps['status'], string>> = {
  interrupted: INTERRUPTED_TEXT,
  waiting: WAITING_TEXT,
};

/** A run's status as a coloured badge (`flowloom-status-badge--<status>`). */
export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <span
      className={`flowloom-status-badge flowloom-status-badge--${status}`}
      data-status={status}
      title={TITLES[status]}
      // A live region: a screen reader hears the run finish or fail.
      role="status"
      aria-label={`Status: ${LABELS[status]}`}
    >
      {LABELS[status]}
    </span>
  );
}
