import { BaseWorkflowComponent } from '../registry/BaseWorkflowComponent';
import { isMissingValue } from '../schema/checkParameterValue';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { compareValues } from './compareValues';
import { declareParameters } from './declareParameters';

const CASES = ['case_1', 'case_2', 'case_3', 'case_4'] as const;

const PARAMETERS = declareParameters([
  {
    name: 'value',
    label: 'Value',
    type: ParameterType.EXPRESSION,
    required: true,
    placeholder: '{{ input.kind }}',
    description: 'The value to match against the cases.',
  },
  ...CASES.map((name, index) => ({
    name,
    label: `Case ${index + 1}`,
    type: ParameterType.EXPRESSION,
    description:
      'Followed when the value equals this (numbers match numeric strings). Empty cases are skipped.',
  })),
]);

/**
 * Routes to the first case whose value equals the input value, or to `default`.
 *
 * @remarks Cases use the Condition's "equals": deep for objects and arrays, numeric between a
 * number and a numeric string.
 */
export class SwitchComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'switch',
      name: 'Switch',
      description: 'Route to the first case that matches a value, or to Default.',
      category: ComponentCategory.LOGIC,
      icon: 'ArrowsPointingOutIcon',
      color: 'from-orange-500 to-red-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [
        ...CASES.map((id, index) => ({
          id,
          type: 'source' as const,
          position: 'right' as const,
          label: `Case ${index + 1}`,
        })),
        { id: 'default', type: 'source', position: 'bottom', label: 'Default' },
      ],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const values = context.input_data;
    const { value } = values;
    const matched =
      CASES.find(
        (name) => !isMissingValue(values[name]) && compareValues(value, 'equals', values[name]),
      ) ?? 'default';
    return { success: true, output_data: { value, matched }, output_handle: matched };
  }
}
