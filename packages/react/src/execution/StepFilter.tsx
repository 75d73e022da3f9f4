import { useId } from 'react';
import { enRuns } from '../i18n/enRuns';
import { useMessages } from '../i18n/useMessages';

/** Props of {@link StepFilter}. */
export interface StepFilterProps {
  /** The step ids to choose from. */
  stepIds: readonly string[];
  /** The chosen step, or `undefined` for all steps. */
  value: string | undefined;
  onChange: (stepId: string | undefined) => void;
  /** Step names (labels) by id, shown instead of the ids. */
  stepNames?: Readonly<Record<string, string>>;
  /** The select's label. @default the catalogue's 'Step' */
  label?: string;
  /** The choice that means every step. @default the catalogue's 'All steps' */
  allLabel?: string;
}

/** A select that narrows the events and logs to one step. */
export function StepFilter({
  stepIds,
  value,
  onChange,
  stepNames,
  label,
  allLabel,
}: StepFilterProps) {
  const id = useId();
  const text = useMessages('activity', enRuns.activity);
  return (
    <div className="flowloom-step-filter">
      <label htmlFor={id}>{label ?? text.step}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      >
        <option value="">{allLabel ?? text.allSteps}</option>
        {stepIds.map((stepId) => (
          <option key={stepId} value={stepId}>
            {stepNames?.[stepId] ?? stepId}
          </option>
        ))}
      </select>
    </div>
  );
}
