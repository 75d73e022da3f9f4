import { isFinalInstanceStatus } from '@flowloom/core';
import { useCallback, useContext, useId, useMemo, useState } from 'react';
import { RunHistoryTable } from '../history/RunHistoryTable';
import { useCanvasRunStatus } from '../history/useCanvasRunStatus';
import { useRunVersionOnCanvas } from '../history/useRunVersionOnCanvas';
import { useInstanceDetails } from '../hooks/useInstanceDetails';
import { useOptionalEditorStore } from '../hooks/useOptionalEditorStore';
import { useWorkflowClient } from '../hooks/useWorkflowClient';
import { useWorkflowComponents } from '../hooks/useWorkflowComponents';
import { useWorkflowExecution } from '../hooks/useWorkflowExecution';
import { enLists } from '../i18n/enLists';
import { enRuns } from '../i18n/enRuns';
import type { I18nProps } from '../i18n/I18nProps';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { EditorStoreContext } from '../store/EditorStoreContext';
import { selectWorkflowId } from '../store/editorSelectors';
import { ChildRuns } from './ChildRuns';
import { ConnectionIndicator } from './ConnectionIndicator';
import { collectStepIds } from './collectStepIds';
import { ElapsedTime } from './ElapsedTime';
import { nodeRunStatusOf } from './nodeRunStatusOf';
import { PanelTabs, tabId, tabPanelId } from './PanelTabs';
import { ProgressBar } from './ProgressBar';
import { RetryButton } from './RetryButton';
import { RunActivity } from './RunActivity';
import { RunTimeline } from './RunTimeline';
import { StatusBadge } from './StatusBadge';
import { StepDataView } from './StepDataView';
import { stepNamesOf } from './stepNamesOf';
import { useInspectedStep } from './useInspectedStep';
import { useRunTimeline } from './useRunTimeline';
import { useShownRun } from './useShownRun';
import { WaitingSteps } from './WaitingSteps';

type Tab = 'run' | 'step' | 'history';

/** Props of `ExecutionPanel` (and of {@link RunPanel}, the panel it loads). */
export interface ExecutionPanelProps extends I18nProps {
  /** The instance whose run to follow; without it the panel shows an idle state. */
  instanceId?: string;
  /** Shows a Close button that calls it. */
  onClose?: () => void;
  /** Added to the panel root's class names. */
  className?: string;
  /**
   * The saved workflow whose runs the History tab lists. @default inside `<WorkflowEditor>`,
   * the editor's workflow; elsewhere no History tab
   */
  workflowId?: string;
}

/**
 * The execution panel itself, loaded on demand by `ExecutionPanel`: follows one instance's run
 * live: connection, status, progress, elapsed time, Stop and "Retry
 * from failed step", waiting steps to approve, related runs, and the events and logs
 * (virtualised). The Step data tab shows what a step received and returned (inside an editor,
 * the node selected on the canvas), and the History tab the workflow's runs: open one to see it,
 * with a timeline that replays the run (and, inside an editor, its canvas) event by event.
 *
 * @example
 * <WorkflowProvider client={client}>
 *   <ExecutionPanel instanceId={instanceId} onClose={() => setOpen(false)} />
 * </WorkflowProvider>
 */
export function RunPanel({
  instanceId,
  onClose,
  className,
  workflowId: workflowIdProp,
}: ExecutionPanelProps) {
  const idPrefix = useId();
  const { locale } = useI18n();
  const text = useMessages('panel', enRuns.panel);
  const historyWords = useMessages('history', enLists.history);
  const client = useWorkflowClient();
  const editorStore = useContext(EditorStoreContext);
  const editorWorkflowId = useOptionalEditorStore(selectWorkflowId, undefined);
  const workflowId = workflowIdProp ?? editorWorkflowId;
  const [tab, setTab] = useState<Tab>('run');

  const { shownId, openedId, open, close } = useShownRun(instanceId);
  const execution = useWorkflowExecution(shownId);
  const { instance } = useInstanceDetails(shownId);
  const { components } = useWorkflowComponents();
  const timeline = useRunTimeline(shownId, execution.executionEvents, execution.executionStatus);

  // The canvas shows this run when it is of the editor's workflow.
  const onCanvas =
    editorStore !== null && instance !== undefined && instance.workflow_id === editorWorkflowId;
  // An opened run of another version of the editor's workflow shows that version, read-only.
  const version = useRunVersionOnCanvas(
    editorStore,
    openedId !== undefined && instance?.workflow_id && instance.workflow_version !== null
      ? { workflowId: instance.workflow_id, version: instance.workflow_version }
      : undefined,
  );
  const paints = onCanvas && (openedId !== undefined || timeline.position !== undefined);
  const canvasStatus = useMemo(
    () => (paints ? nodeRunStatusOf(timeline.status) : undefined),
    [paints, timeline.status],
  );
  useCanvasRunStatus(editorStore, canvasStatus, instanceId);

  // Selecting a node while a run is shown shows what it received and returned.
  const showStepTab = useCallback(() => {
    if (shownId !== undefined) setTab('step');
  }, [shownId]);
  const followsCanvas = editorStore !== null && (onCanvas || openedId === undefined);
  const inspected = useInspectedStep(followsCanvas, showStepTab);
  const inspect = (stepId: string) => {
    inspected.inspect(stepId);
    setTab('step');
  };

  const componentsByType = useMemo(
    () => Object.fromEntries(components.map((component) => [component.type, component])),
    [components],
  );
  const stepNames = useMemo(
    () => stepNamesOf(instance?.workflow_data.nodes, componentsByType),
    [instance, componentsByType],
  );
  const stepIds = useMemo(
    () => collectStepIds(execution.executionStatus, execution.executionEvents),
    [execution.executionStatus, execution.executionEvents],
  );
  const { lastSeq } = timeline;
  const shownEvents = useMemo(
    () => execution.executionEvents.filter((event) => event.seq <= lastSeq),
    [execution.executionEvents, lastSeq],
  );
  const shownLogs = useMemo(
    () => execution.executionLogs.filter((log) => log.seq <= lastSeq),
    [execution.executionLogs, lastSeq],
  );

  const live = execution.executionStatus;
  const status = live?.status;
  // An interrupted run resumes when the server is back, a queued one starts once a slot frees;
  // Stop cancels either for good instead.
  const canStop =
    shownId !== undefined &&
    (status === 'running' || status === 'interrupted' || status === 'queued');
  // A retry re-runs the failed and cancelled steps of this same instance: the panel keeps
  // following it, and its events continue the same seq.
  const canRetry = shownId !== undefined && (status === 'failed' || status === 'cancelled');
  const hasTimeline = timeline.eventsAsc.length > 0 && status !== 'running';
  const shown = timeline.status;
  const tabs = [
    { id: 'run' as const, label: text.run },
    { id: 'step' as const, label: text.step },
    ...(workflowId === undefined ? [] : [{ id: 'history' as const, label: text.history }]),
  ];
  const activeTab = tab === 'history' && workflowId === undefined ? 'run' : tab;
  const runError = live?.error;

  return (
    <section
      className={className ? `flowloom-execution-panel ${className}` : 'flowloom-execution-panel'}
      aria-label={text.region}
      lang={locale}
      // Focused when a run starts, so the keyboard is where the run is shown.
      tabIndex={-1}
      data-status={status ?? 'idle'}
      data-instance-id={shownId}
    >
      <header className="flowloom-execution-panel__header">
        <h2 className="flowloom-execution-panel__title">{text.title}</h2>
        <ConnectionIndicator connected={execution.isConnected} />
        <StatusBadge status={status ?? 'idle'} />
        <PanelTabs
          tabs={tabs}
          selected={activeTab}
          onSelect={setTab}
          idPrefix={idPrefix}
          aria-label={text.tabs}
        />
        <span className="flowloom-execution-panel__spacer" />
        {canStop && (
          <button
            type="button"
            className="flowloom-button flowloom-button--danger"
            onClick={() => void execution.stopWorkflow(shownId)}
          >
            {text.stop}
          </button>
        )}
        {canRetry && <RetryButton onRetry={() => execution.retryWorkflow(shownId)} />}
        {onClose && (
          <button
            type="button"
            className="flowloom-button"
            aria-label={text.closePanel}
            onClick={onClose}
          >
            {text.close}
          </button>
        )}
      </header>

      <div className="flowloom-execution-panel__summary">
        <ProgressBar
          completed={shown?.progress.completed ?? 0}
          total={shown?.progress.total ?? 0}
          status={shown?.status}
        />
        <ElapsedTime
          startedAt={live?.started_at}
          finishedAt={live?.finished_at}
          running={status === 'running'}
        />
      </div>

      {openedId !== undefined && (
        <div className="flowloom-message flowloom-message--info flowloom-execution-panel__opened">
          <span>{text.opened(instance?.workflow_version ?? null)}</span>
          {version.readOnlyVersion !== undefined && (
            <span> {text.readOnly(version.readOnlyVersion)}</span>
          )}
          {instance?.trigger && (
            <span>
              {' '}
              {text.trigger(
                historyWords.triggers[instance.trigger.type] ?? instance.trigger.type,
                instance.trigger.step_id,
              )}
            </span>
          )}
          <button type="button" className="flowloom-button" onClick={close}>
            {instanceId === undefined ? text.closeRun : text.backToLive}
          </button>
        </div>
      )}
      {version.error && (
        <div className="flowloom-execution-panel__error" role="alert">
          {text.versionFailed(version.error.message)}
        </div>
      )}
      {status === 'interrupted' && (
        <div className="flowloom-message flowloom-message--info" role="status">
          {text.interrupted}
        </div>
      )}
      {status === 'queued' && (
        <div className="flowloom-message flowloom-message--info" role="status">
          {text.queued}
        </div>
      )}
      {runError && status !== undefined && isFinalInstanceStatus(status) && (
        <div className="flowloom-execution-panel__error" role="alert">
          <strong>{runError.code}</strong>: {runError.message}
          {runError.step_id !== undefined &&
            text.stepError(stepNames[runError.step_id] ?? runError.step_id)}
        </div>
      )}
      {execution.error && (
        <div className="flowloom-execution-panel__error" role="alert">
          {execution.error.message}
        </div>
      )}

      <div
        className="flowloom-execution-panel__tab"
        role="tabpanel"
        id={tabPanelId(idPrefix, activeTab)}
        aria-labelledby={tabId(idPrefix, activeTab)}
      >
        {activeTab === 'run' && (
          <>
            {hasTimeline && (
              <RunTimeline
                events={timeline.eventsAsc}
                position={timeline.position ?? timeline.eventsAsc.length}
                onChange={timeline.setPosition}
                stepNames={stepNames}
              />
            )}
            {shownId !== undefined && (
              <WaitingSteps
                status={live}
                stepNames={stepNames}
                onResume={(stepId, data) =>
                  client.resumeInstance(shownId, { step_id: stepId, data })
                }
              />
            )}
            {shownId !== undefined && (
              <ChildRuns
                instanceId={shownId}
                parentInstanceId={instance?.parent_instance_id}
                progressKey={`${status}:${live?.progress.completed ?? 0}`}
                onOpen={open}
              />
            )}
            {shownId === undefined && (
              <p className="flowloom-execution-panel__none">{text.noRun}</p>
            )}
            <RunActivity
              events={shownEvents}
              logs={shownLogs}
              stepIds={stepIds}
              stepNames={stepNames}
              onInspectStep={inspect}
            />
          </>
        )}
        {activeTab === 'step' && (
          <StepDataView
            stepId={inspected.stepId}
            onChoose={inspected.inspect}
            followsCanvas={followsCanvas}
            stepIds={stepIds}
            stepNames={stepNames}
            status={shown}
            events={shownEvents}
            logs={shownLogs}
          />
        )}
        {activeTab === 'history' && workflowId !== undefined && (
          <RunHistoryTable
            workflowId={workflowId}
            selectedInstanceId={shownId}
            onOpenRun={(id) => {
              open(id);
              setTab('run');
            }}
          />
        )}
      </div>
    </section>
  );
}
