import { BaseWorkflowComponent } from '../registry/BaseWorkflowComponent';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';

/** Starts a run by hand (a "Run" button or an API call) and outputs the run's input. */
export class ManualTriggerComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'manual_trigger',
      name: 'Manual Trigger',
      description: 'Start the workflow by hand; outputs the input the run was started with.',
      category: ComponentCategory.TRIGGERS,
      icon: 'PlayIcon',
      color: 'from-emerald-500 to-teal-600',
      parameters: [],
      input_handles: [],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    return { success: true, output_data: { ...context.run_input } };
  }
}
