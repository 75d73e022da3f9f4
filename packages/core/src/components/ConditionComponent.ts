import { BaseWorkflowComponent } from '../registry/BaseWorkflowComponent';
import type { ParameterValues } from '../registry/parameterValues';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { COMPARISON_OPERATORS, compareValues } from './compareValues';
import { declareParameters } from './declareParameters';

const OPERATOR_LABELS = {
  equals: 'equals',
  not_equals: 'does not equal',
  gt: 'is greater than',
  gte: 'is greater than or equal to',
  lt: 'is less than',
  lte: 'is less than or equal to',
  contains: 'contains',
  exists: 'exists',
} as const;

const PARAMETERS = declareParameters([
  {
    name: 'left',
    label: 'Value',
    type: ParameterType.EXPRESSION,
    placeholder: '{{ input.status }}',
    description: 'The value to test, usually an expression.',
  },
  {
    name: 'operator',
    label: 'Operator',
    type: ParameterType.SELECT,
    options: COMPARISON_OPERATORS.map((value) => ({ value, label: OPERATOR_LABELS[value] })),
    default: 'equals',
  },
  {
    name: 'right',
    label: 'Compare with',
    type: ParameterType.EXPRESSION,
    description: 'The value to compare against; ignored by "exists".',
  },
]);

type ConditionParameters = ParameterValues<typeof PARAMETERS>;

/**
 * Compares two values and follows its `true` or `false` handle.
 *
 * @remarks `left` is optional so that "exists" can test a value that resolved to nothing.
 */
export class ConditionComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'condition',
      name: 'Condition',
      description: 'Branch on a comparison: continue on True or False.',
      category: ComponentCategory.LOGIC,
      icon: 'ArrowsRightLeftIcon',
      color: 'from-amber-500 to-orange-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [
        { id: 'true', type: 'source', position: 'right', label: 'True' },
        { id: 'false', type: 'source', position: 'bottom', label: 'False' },
      ],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const { left, operator, right } = context.input_data as ConditionParameters;
    const result = compareValues(left, operator, right);
    return {
      success: true,
      output_data: { result, left, operator, right },
      output_handle: result ? 'true' : 'false',
    };
  }
}
