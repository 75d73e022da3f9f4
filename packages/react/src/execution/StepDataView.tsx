import type { ExecutionEvent, ExecutionStatus, LogEntry } from '@flowloom/core';
import { useMemo } from 'react';
import { enRuns } from '../i18n/enRuns';
import { useMessages } from '../i18n/useMessages';
import { StepFilter } from './StepFilter';
import { StepInspector } from './StepInspector';
import { stepDetailsOf } from './stepDetailsOf';

/** Props of {@link StepDataView}. */
export interface StepDataViewProps {
  /** The step inspected, if any. */
  stepId: string | undefined;
  /** Chooses the step to inspect. */
  onChoose: (stepId: string | undefined) => void;
  /** Whether the step follows the canvas's selection (the hint says to select a node). */
  followsCanvas: boolean;
  stepIds: readonly string[];
  stepNames: Readonly<Record<string, string>>;
  /** The run's status at the moment shown. */
  status: ExecutionStatus | null;
  /** The run's events up to the moment shown, newest first. */
  events: readonly ExecutionEvent[];
  /** Its log lines up to the moment shown. */
  logs: readonly LogEntry[];
}

/** The Step data tab: a step chooser and the chosen step's inspector, at the moment shown. */
export function StepDataView({
  stepId,
  onChoose,
  followsCanvas,
  stepIds,
  stepNames,
  status,
  events,
  logs,
}: StepDataViewProps) {
  const text = useMessages('stepData', enRuns.stepData);
  const details = useMemo(
    () => (stepId === undefined ? undefined : stepDetailsOf(stepId, status, events)),
    [stepId, status, events],
  );
  const stepLogs = useMemo(
    () => (stepId === undefined ? [] : logs.filter((log) => log.step_id === stepId)),
    [logs, stepId],
  );
  return (
    <div className="flowloom-step-data">
      {!followsCanvas && (
        <div className="flowloom-execution-panel__filters">
          <StepFilter
            stepIds={stepIds}
            value={stepId}
            onChange={onChoose}
            stepNames={stepNames}
            label={text.choose}
            allLabel={text.none}
          />
        </div>
      )}
      {details ? (
        <StepInspector
          details={details}
          name={stepNames[details.stepId] ?? details.stepId}
          logs={stepLogs}
        />
      ) : (
        <p className="flowloom-execution-panel__none">
          {followsCanvas ? text.selectNode : text.chooseStep}
        </p>
      )}
    </div>
  );
}
