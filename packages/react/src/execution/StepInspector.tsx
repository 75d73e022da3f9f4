import type { LogEntry } from '@flowloom/core';
import { enCore } from '../i18n/enCore';
import { enRuns } from '../i18n/enRuns';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { JsonTree } from './JsonTree';
import { LogList } from './LogList';
import type { StepDetailsData } from './stepDetailsOf';

/** Props of {@link StepInspector}. */
export interface StepInspectorProps {
  details: StepDetailsData;
  /** What the step is called on the canvas (its label). */
  name: string;
  /** The step's log lines, oldest first. */
  logs: readonly LogEntry[];
}

/**
 * What one step of a run received and returned: its status, attempts, the handles it took, its
 * error, its input (resolved parameters) and output as JSON trees (a click on an output value
 * copies `{{ steps.<id>.<path> }}`), and its logs.
 */
export function StepInspector({ details, name, logs }: StepInspectorProps) {
  const { format } = useI18n();
  const text = useMessages('inspector', enRuns.inspector);
  const statusWords = useMessages('status', enCore.status);
  const { stepId, status, attempts, outputHandles, wait, error } = details;
  return (
    <section className="flowloom-inspector" aria-label={text.region(name)} data-step-id={stepId}>
      <header className="flowloom-inspector__header">
        <h3 className="flowloom-inspector__title">{name}</h3>
        {name !== stepId && <code className="flowloom-inspector__id">{stepId}</code>}
        {status && (
          <span
            className={`flowloom-step-status flowloom-step-status--${status}`}
            data-status={status}
          >
            {statusWords[status]}
          </span>
        )}
        {attempts !== undefined && attempts > 0 && (
          <span className="flowloom-inspector__meta">{text.attempts(attempts)}</span>
        )}
        {outputHandles !== undefined && (
          <span className="flowloom-inspector__meta">
            {outputHandles.length > 0 ? text.handles(outputHandles) : text.noHandles}
          </span>
        )}
      </header>
      {wait && (
        <p className="flowloom-inspector__meta">
          {wait.resume ? text.waitsForResume : null}
          {wait.resume && wait.wake_at ? ' · ' : null}
          {wait.wake_at ? text.wakesAt(format.dateTime(wait.wake_at)) : null}
        </p>
      )}
      {error && (
        <div className="flowloom-inspector__error" role="alert">
          <strong>{error.code}</strong>: {error.message}
        </div>
      )}
      <div className="flowloom-inspector__data">
        <div className="flowloom-inspector__block">
          <h4 className="flowloom-inspector__heading" title={text.inputHint}>
            {text.input}
          </h4>
          {details.input ? (
            <JsonTree value={details.input} aria-label={text.inputOf(name)} />
          ) : (
            <p className="flowloom-inspector__none">{text.noInput}</p>
          )}
        </div>
        <div className="flowloom-inspector__block">
          <h4 className="flowloom-inspector__heading" title={text.outputHint}>
            {text.output}
          </h4>
          {details.hasOutput ? (
            <JsonTree
              value={details.output}
              aria-label={text.outputOf(name)}
              expressionStepId={stepId}
            />
          ) : (
            <p className="flowloom-inspector__none">{text.noOutput}</p>
          )}
        </div>
      </div>
      <div className="flowloom-inspector__block">
        <h4 className="flowloom-inspector__heading">{text.logs}</h4>
        {logs.length > 0 ? (
          <LogList logs={logs} height={Math.min(logs.length, 6) * 24 + 2} />
        ) : (
          <p className="flowloom-inspector__none">{text.noLogs}</p>
        )}
      </div>
    </section>
  );
}
