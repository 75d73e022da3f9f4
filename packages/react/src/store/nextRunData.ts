import type { ExecutionEvent } from '@flowloom/core';
import type { RunData } from './editorTypes';

/**
 * The last run's data after an execution event: `execution_started` starts it afresh with the
 * run's input and variables, `step_completed` adds the step's output (and its variables).
 * Returns the same object when the event changes nothing.
 */
export function nextRunData(
  runData: RunData | undefined,
  event: ExecutionEvent,
): RunData | undefined {
  if (event.event_type === 'execution_started') {
    return {
      instanceId: event.instance_id,
      input: event.data.input_data,
      vars: { ...event.data.variables },
      outputs: {},
    };
  }
  if (event.event_type !== 'step_completed' || event.step_id === undefined) return runData;
  // Events of a run whose start was not seen (e.g. a retry followed from its middle) still count.
  const base: RunData =
    runData?.instanceId === event.instance_id
      ? runData
      : { instanceId: event.instance_id, input: {}, vars: {}, outputs: {} };
  return {
    ...base,
    outputs: { ...base.outputs, [event.step_id]: event.data.output_data },
    vars: event.data.set_variables ? { ...base.vars, ...event.data.set_variables } : base.vars,
  };
}
