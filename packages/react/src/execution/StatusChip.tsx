import type { InstanceStatus } from '@flowloom/core';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';

/** Props of {@link StatusChip}. */
export interface StatusChipProps {
  status: InstanceStatus;
}

/**
 * A run's status as a coloured chip in a list: the badge's look without its live region, so a
 * page of runs does not read every status out.
 */
export function StatusChip({ status }: StatusChipProps) {
  const statusWords = useMessages('status', enCore.status);
  return (
    <span className={`flowloom-status-badge flowloom-status-badge--${status}`} data-status={status}>
      {statusWords[status]}
    </span>
  );
}
