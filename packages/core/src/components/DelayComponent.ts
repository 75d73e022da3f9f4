import { abortableSleep } from '../executor/abortableSleep';
import { stepControlOf } from '../executor/stepControl';
import { BaseWorkflowComponent } from '../registry/BaseWorkflowComponent';
import type { ParameterValues } from '../registry/parameterValues';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { declareParameters } from './declareParameters';
import { passThroughInput } from './passThroughInput';

const PARAMETERS = declareParameters([
  {
    name: 'ms',
    label: 'Delay (ms)',
    type: ParameterType.NUMBER,
    required: true,
    integer: true,
    min: 0,
    max: 86_400_000,
    placeholder: '1000',
    description: 'How long to wait, in milliseconds (at most 24 hours).',
  },
]);

type DelayParameters = ParameterValues<typeof PARAMETERS>;

/**
 * Waits a number of milliseconds, then passes its input on; a stopped run ends the wait at once.
 * After a restart it waits only what is left: its start time is in the run's journal. For long
 * pauses use `wait`, which holds no process meanwhile.
 */
export class DelayComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'delay',
      name: 'Delay',
      description: 'Wait for a while before continuing.',
      category: ComponentCategory.UTILITIES,
      icon: 'PauseIcon',
      color: 'from-slate-500 to-gray-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const { ms } = context.input_data as DelayParameters;
    // Event times are wall-clock times, so the time already waited is too.
    const startedAt = stepControlOf(context)?.startedAt;
    const waited = startedAt ? Math.max(0, Date.now() - Date.parse(startedAt)) : 0;
    await abortableSleep(Math.max(0, ms - waited), context.signal);
    return { success: true, output_data: passThroughInput(context.input) };
  }
}
