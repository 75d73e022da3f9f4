import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import {
  BaseWorkflowComponent,
  type CustomParameterIssue,
} from '../registry/BaseWorkflowComponent';
import { describeType, isMissingValue } from '../schema/checkParameterValue';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { declareParameters } from './declareParameters';
import { isPlainObject } from './isPlainObject';

const PARAMETERS = declareParameters([
  {
    name: 'mapping',
    label: 'Mapping',
    type: ParameterType.JSON,
    required: true,
    placeholder: '{ "full_name": "{{ input.first }} {{ input.last }}" }',
    description:
      'An object whose values may hold expressions; it becomes the output once they are resolved.',
  },
]);

/** Builds a new object from expressions over earlier data; outputs the resolved mapping. */
export class TransformComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'transform',
      name: 'Transform',
      description: 'Reshape data: output an object built from expressions.',
      category: ComponentCategory.DATA_PROCESSING,
      icon: 'CodeBracketIcon',
      color: 'from-fuchsia-500 to-pink-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  /** Checks that the mapping is an object (the output of a step must be one). */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    const { mapping } = values;
    if (isMissingValue(mapping) || isPlainObject(mapping)) return [];
    return [
      {
        parameter: 'mapping',
        message: `Mapping must be a JSON object, got ${describeType(mapping)}`,
      },
    ];
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const { mapping } = context.input_data;
    // An expression such as "{{ input.items }}" may resolve to a non-object; say so plainly.
    if (!isPlainObject(mapping)) {
      throw new FlowloomError(
        ErrorCode.INVALID_PARAMETERS,
        `Mapping must resolve to a JSON object, got ${describeType(mapping)}`,
        { issues: [{ path: 'mapping', message: 'Mapping must be a JSON object' }] },
      );
    }
    return { success: true, output_data: { ...mapping } };
  }
}
