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
    name: 'message',
    label: 'Message',
    type: ParameterType.TEXTAREA,
    required: true,
    placeholder: 'Order {{ input.id }} received',
    description: 'The line to write to the run log; may hold expressions.',
  },
  {
    name: 'level',
    label: 'Level',
    type: ParameterType.SELECT,
    options: [
      { value: 'debug', label: 'Debug' },
      { value: 'info', label: 'Info' },
      { value: 'warn', label: 'Warning' },
      { value: 'error', label: 'Error' },
    ],
    default: 'info',
  },
]);

type LogParameters = ParameterValues<typeof PARAMETERS>;

/** Writes a message to the run log, then passes its input on. */
export class LogComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'log',
      name: 'Log',
      description: 'Write a message to the run log.',
      category: ComponentCategory.OUTPUT_ACTIONS,
      icon: 'DocumentTextIcon',
      color: 'from-zinc-500 to-neutral-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const { message, level } = context.input_data as LogParameters;
    context.logger.log(level, message);
    return { success: true, output_data: passThroughInput(context.input) };
  }
}
