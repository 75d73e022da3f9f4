import type { ExecutionEvent, LogEntry } from '@flowloom/core';
import { useMemo, useState } from 'react';
import { enRuns } from '../i18n/enRuns';
import { useMessages } from '../i18n/useMessages';
import { EventList } from './EventList';
import { LogList } from './LogList';
import { StepFilter } from './StepFilter';

/** Props of {@link RunActivity}. */
export interface RunActivityProps {
  /** The run's events, newest first. */
  events: readonly ExecutionEvent[];
  /** Its log lines, oldest first. */
  logs: readonly LogEntry[];
  /** Every step of the run, for the filter. */
  stepIds: readonly string[];
  /** Step names by id. */
  stepNames: Readonly<Record<string, string>>;
  /** Told when a step is clicked in the events list. */
  onInspectStep: (stepId: string) => void;
}

/** A run's events and logs side by side (virtualised), narrowed to one step by a filter. */
export function RunActivity({ events, logs, stepIds, stepNames, onInspectStep }: RunActivityProps) {
  const text = useMessages('activity', enRuns.activity);
  const [stepId, setStepId] = useState<string | undefined>(undefined);
  const shownEvents = useMemo(
    () => (stepId === undefined ? events : events.filter((event) => event.step_id === stepId)),
    [events, stepId],
  );
  const shownLogs = useMemo(
    () => (stepId === undefined ? logs : logs.filter((log) => log.step_id === stepId)),
    [logs, stepId],
  );
  return (
    <>
      <div className="flowloom-execution-panel__filters">
        <StepFilter stepIds={stepIds} value={stepId} onChange={setStepId} stepNames={stepNames} />
      </div>
      <div className="flowloom-execution-panel__body">
        <div className="flowloom-execution-panel__column">
          <h3 className="flowloom-execution-panel__heading">
            {text.events}{' '}
            <span className="flowloom-execution-panel__count">{shownEvents.length}</span>
          </h3>
          <EventList events={shownEvents} onSelectStep={onInspectStep} stepNames={stepNames} />
        </div>
        <div className="flowloom-execution-panel__column">
          <h3 className="flowloom-execution-panel__heading">
            {text.logs} <span className="flowloom-execution-panel__count">{shownLogs.length}</span>
          </h3>
          <LogList logs={shownLogs} stepNames={stepNames} />
        </div>
      </div>
    </>
  );
}
