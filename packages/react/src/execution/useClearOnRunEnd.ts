import { isFinalInstanceStatus } from '@flowloom/core';
import { useEffect, useRef } from 'react';
import { useWorkflowExecution } from '../hooks/useWorkflowExecution';

/**
 * Clears a notice shown when a run started ("Execution started.") once that run has ended, unless
 * another notice replaced it meanwhile. Reads the run through the page's shared subscription.
 *
 * @param notice - what is shown now; the one shown when `instanceId` changed is the run's.
 */
export function useClearOnRunEnd<T>(
  instanceId: string | undefined,
  notice: T | undefined,
  clear: () => void,
): void {
  const { executionStatus } = useWorkflowExecution(instanceId);
  const runNotice = useRef<{ instanceId: string | undefined; notice: T | undefined }>({
    instanceId: undefined,
    notice: undefined,
  });
  if (runNotice.current.instanceId !== instanceId) runNotice.current = { instanceId, notice };
  const ended =
    executionStatus?.instance_id === instanceId &&
    executionStatus !== null &&
    isFinalInstanceStatus(executionStatus.status);
  const clearRef = useRef(clear);
  clearRef.current = clear;

  useEffect(() => {
    if (!ended || notice === undefined || notice !== runNotice.current.notice) return;
    runNotice.current = { instanceId, notice: undefined };
    clearRef.current();
  }, [ended, notice, instanceId]);
}
