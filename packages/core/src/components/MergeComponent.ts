import { BaseWorkflowComponent } from '../registry/BaseWorkflowComponent';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';

/**
 * Joins branches: outputs the output of every step that delivered into it, by step id.
 *
 * @remarks The engine runs it once every input that was not skipped has delivered.
 */
export class MergeComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'merge',
      name: 'Merge',
      description: 'Wait for all incoming branches and combine their outputs by step id.',
      category: ComponentCategory.DATA_PROCESSING,
      icon: 'ArrowsPointingInIcon',
      color: 'from-cyan-500 to-sky-600',
      parameters: [],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    return { success: true, output_data: { ...context.inputs } };
  }
}
