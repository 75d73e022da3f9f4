import { isFinalInstanceStatus } from '@flowloom/core';
import { useMemo, useState } from 'react';
import { useWorkflowExecution } from '../hooks/useWorkflowExecution';
import { ConnectionIndicator } from './ConnectionIndicator';
import { collectStepIds } from './collectStepIds';
import { INTERRUPTED_TEXT } from './describeEvent';
import { ElapsedTime } from './ElapsedTime';
import { EventList } from './EventList';
import { LogList } from './LogList';
import { ProgressBar } from './ProgressBar';
import { RetryButton } from './RetryButton';
import { StatusBadge } from './StatusBadge';
import { StepDetails } from './StepDetails';
import { StepFilter } from './StepFilter';
import { stepDetailsOf } from './stepDetailsOf';

/** Props of {@link ExecutionPanel}. */
export interface ExecutionPanelProps {
  /** The instance whose run to follow; without it the panel shows an idle state. */
  instanceId?: string;
  /** Shows a Close button that calls it. */
  onClose?: () => void;
  /** Added to the panel root's class names. */
  className?: string;
}

/**
 * Follows one instance's run live: connection, status, progress, elapsed time, the events and
 * logs (virtualised, so ten thousand entries stay smooth), a filter by step and the selected
 * step's input, output and error. A failed or cancelled run offers "Retry from failed step".
 *
 * @example
 * <WorkflowProvider client={client}>
 *   <ExecutionPanel instanceId={instanceId} onClose={() => setOpen(false)} />
 * </WorkflowProvider>
 */
export function ExecutionPanel({ instanceId, onClose, className }: ExecutionPanelProps) {
  const {
    executionStatus,
    executionEvents,
    executionLogs,
    isConnected,
    stopWorkflow,
    retryWorkflow,
    error,
  } = useWorkflowExecution(instanceId);
  const [selectedStepId, setSelectedStepId] = useState<string | undefined>(undefined);

  const stepIds = useMemo(
    () => collectStepIds(executionStatus, executionEvents),
    [executionStatus, executionEvents],
  );
  const events = useMemo(
    () =>
      selectedStepId === undefined
        ? executionEvents
        : executionEvents.filter((event) => event.step_id === selectedStepId),
    [executionEvents, selectedStepId],
  );
  const logs = useMemo(
    () =>
      selectedStepId === undefined
        ? executionLogs
        : executionLogs.filter((log) => log.step_id === selectedStepId),
    [executionLogs, selectedStepId],
  );
  const details = useMemo(
    () =>
      selectedStepId === undefined
        ? undefined
        : stepDetailsOf(selectedStepId, executionStatus, executionEvents),
    [selectedStepId, executionStatus, executionEvents],
  );

  const status = executionStatus?.status;
  const running = status === 'running';
  // An interrupted run resumes when the server is back; Stop cancels it for good instead.
  const canStop = instanceId !== undefined && (running || status === 'interrupted');
  // A retry re-runs the failed and cancelled steps of this same instance: the panel keeps
  // following it, and its events continue the same seq.
  const canRetry = instanceId !== undefined && (status === 'failed' || status === 'cancelled');

  return (
    <section
      className={className ? `flowloom-execution-panel ${className}` : 'flowloom-execution-panel'}
      aria-label="Execution"
      data-status={status ?? 'idle'}
    >
      <header className="flowloom-execution-panel__header">
        <h2 className="flowloom-execution-panel__title">Execution</h2>
        <ConnectionIndicator connected={isConnected} />
        <StatusBadge status={status ?? 'idle'} />
        <span className="flowloom-execution-panel__spacer" />
        {canStop && (
          <button
            type="button"
            className="flowloom-button flowloom-button--danger"
            onClick={() => void stopWorkflow(instanceId)}
          >
            Stop
          </button>
        )}
        {canRetry && <RetryButton onRetry={() => retryWorkflow(instanceId)} />}
        {onClose && (
          <button
            type="button"
            className="flowloom-button"
            aria-label="Close execution panel"
            onClick={onClose}
          >
            Close
          </button>
        )}
      </header>

      <div className="flowloom-execution-panel__summary">
        <ProgressBar
          completed={executionStatus?.progress.completed ?? 0}
          total={executionStatus?.progress.total ?? 0}
          status={status}
        />
        <ElapsedTime
          startedAt={executionStatus?.started_at}
          finishedAt={executionStatus?.finished_at}
          running={running}
        />
      </div>

      {status === 'interrupted' && (
        <div className="flowloom-message flowloom-message--info" role="status">
          {INTERRUPTED_TEXT}
        </div>
      )}

      {executionStatus?.error && status !== undefined && isFinalInstanceStatus(status) && (
        <div className="flowloom-execution-panel__error" role="alert">
          <strong>{executionStatus.error.code}</strong>: {executionStatus.error.message}
          {executionStatus.error.step_id !== undefined &&
            ` (step ${executionStatus.error.step_id})`}
        </div>
      )}

      {error && (
        <div className="flowloom-execution-panel__error" role="alert">
          {error.message}
        </div>
      )}

      <div className="flowloom-execution-panel__filters">
        <StepFilter stepIds={stepIds} value={selectedStepId} onChange={setSelectedStepId} />
      </div>

      <div className="flowloom-execution-panel__body">
        <div className="flowloom-execution-panel__column">
          <h3 className="flowloom-execution-panel__heading">
            Events <span className="flowloom-execution-panel__count">{events.length}</span>
          </h3>
          <EventList events={events} onSelectStep={setSelectedStepId} />
        </div>
        <div className="flowloom-execution-panel__column">
          <h3 className="flowloom-execution-panel__heading">
            Logs <span className="flowloom-execution-panel__count">{logs.length}</span>
          </h3>
          <LogList logs={logs} />
        </div>
        {details && <StepDetails details={details} />}
      </div>
    </section>
  );
}
