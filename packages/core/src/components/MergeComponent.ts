import { stepControlOf } from '../executor/stepControl';
import { BaseWorkflowComponent } from '../registry/BaseWorkflowComponent';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { isPlainObject } from './isPlainObject';

const MERGE_TYPE = 'merge';

/**
 * Joins branches: outputs the output of every step that delivered into it, by step id. An input
 * that is itself a merge's output contributes its entries rather than itself, so merges never
 * nest their inputs' inputs: a chain of merges stays as large as what it joins, and costs
 * linear time, however long it is.
 *
 * @remarks The engine runs it once every input that was not skipped has delivered.
 */
export class MergeComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: MERGE_TYPE,
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
    const control = stepControlOf(context);
    const entries: Array<[string, unknown]> = [];
    for (const [stepId, output] of Object.entries(context.inputs)) {
      if (control?.typeOf(stepId) === MERGE_TYPE && isPlainObject(output)) {
        entries.push(...Object.entries(output));
      } else {
        entries.push([stepId, output]);
      }
    }
    // fromEntries defines own properties: a step id such as `__proto__` stays a plain key.
    return { success: true, output_data: Object.fromEntries(entries) };
  }
}
