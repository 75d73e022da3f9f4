import { useId } from 'react';

/** Props of {@link StepFilter}. */
export interface StepFilterProps {
  /** The step ids to choose from. */
  stepIds: readonly string[];
  /** The chosen step, or `undefined` for all steps. */
  value: string | undefined;
  onChange: (stepId: string | undefined) => void;
}

/** A select that narrows the events and logs to one step. */
export function StepFilter({ stepIds, value, onChange }: StepFilterProps) {
  const id = useId();
  return (
    <div className="flowloom-step-filter">
      <label htmlFor={id}>Step</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      >
        <option value="">All steps</option>
        {stepIds.map((stepId) => (
          <option key={stepId} value={stepId}>
            {stepId}
          </option>
        ))}
      </select>
    </div>
  );
}
