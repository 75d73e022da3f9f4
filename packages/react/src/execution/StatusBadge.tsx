import type { InstanceStatus } from '@flowloom/core';
import { enCore } from '../i18n/enCore';
import { enRuns } from '../i18n/enRuns';
import { useMessages } from '../i18n/useMessages';

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  /** The run's status; `idle` when there is no run yet. */
  status: InstanceStatus | 'idle';
}

/** A run's status as a coloured badge (`flowloom-status-badge--<status>`). */
export function StatusBadge({ status }: StatusBadgeProps) {
  const statusWords = useMessages('status', enCore.status);
  const panelWords = useMessages('panel', enRuns.panel);
  const label = statusWords[status];
  // What a status means, where its label alone does not say.
  const title =
    status === 'interrupted'
      ? panelWords.interrupted
      : status === 'waiting'
        ? panelWords.waiting
        : status === 'queued'
          ? panelWords.queued
          : undefined;
  return (
    <span
      className={`flowloom-status-badge flowloom-status-badge--${status}`}
      data-status={status}
      title={title}
      // A live region: a screen reader hears the run finish or fail.
      role="status"
      aria-label={panelWords.status(label)}
    >
      {label}
    </span>
  );
}
