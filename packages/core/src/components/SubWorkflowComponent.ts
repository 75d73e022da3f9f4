import { ErrorCode } from '../errors/errorCodes';
import { type ChildEnd, requireStepControl } from '../executor/stepControl';
import {
  BaseWorkflowComponent,
  type CustomParameterIssue,
} from '../registry/BaseWorkflowComponent';
import type { ParameterValues } from '../registry/parameterValues';
import { describeType, isMissingValue } from '../schema/checkParameterValue';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { declareParameters } from './declareParameters';
import { isPlainObject } from './isPlainObject';
import { passThroughInput } from './passThroughInput';

const PARAMETERS = declareParameters([
  {
    name: 'workflow_id',
    label: 'Workflow',
    type: ParameterType.STRING,
    required: true,
    placeholder: 'wf_…',
    description: 'The id of a saved workflow you may read; its latest version runs.',
  },
  {
    name: 'input',
    label: 'Input',
    type: ParameterType.JSON,
    default: {},
    placeholder: '{ "order_id": "{{ input.order_id }}" }',
    description: "An object (its values may hold expressions): the sub-workflow's run input.",
  },
]);

type SubWorkflowParameters = ParameterValues<typeof PARAMETERS>;

/**
 * Runs a saved workflow as a run of its own (its own instance, in run lists and on its own
 * WebSocket channel, with `parent_instance_id` and `parent_step_id`), waits for it and outputs
 * its output. A failed or cancelled child fails the step `SUB_WORKFLOW_FAILED`.
 */
export class SubWorkflowComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'sub_workflow',
      name: 'Sub-workflow',
      description: 'Run another saved workflow and use its output.',
      category: ComponentCategory.LOGIC,
      icon: 'Square2StackIcon',
      color: 'from-violet-500 to-purple-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [
        { id: 'output', type: 'source', position: 'right', label: 'Output' },
        { id: 'error', type: 'source', position: 'bottom', label: 'Error' },
      ],
    };
  }

  /** The input must be an object: it becomes a run input. */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    const { input } = values;
    if (isMissingValue(input) || isPlainObject(input)) return [];
    return [
      { parameter: 'input', message: `Input must be a JSON object, got ${describeType(input)}` },
    ];
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const control = requireStepControl(context, 'sub_workflow');
    const { workflow_id, input } = context.input_data as SubWorkflowParameters;
    const runInput = isPlainObject(input) ? input : {};
    const workflow = await control.children.loadWorkflow(workflow_id);
    // Woken, it waited for its child: that child exists, and a missing one is not made again.
    const end = await control.children.run(0, workflow, runInput, context.signal, {
      existing: control.wake !== undefined,
    });
    if (end.status === 'waiting') return control.suspend({ resume: false });
    return childResult(end, workflow_id);
  }
}

/** The step's result for a child that ended. */
export function childResult(
  end: Exclude<ChildEnd, { status: 'waiting' }>,
  workflowId: string,
): ExecutionResult {
  if (end.status === 'completed')
    return { success: true, output_data: passThroughInput(end.output) };
  return {
    success: false,
    // The error branch reads which run failed and why as {{ steps.<id>.instance_id }}.
    output_data: { instance_id: end.instance_id, child_error: end.error },
    error: {
      code: ErrorCode.SUB_WORKFLOW_FAILED,
      message: `Sub-workflow "${workflowId}" (run ${end.instance_id}) ${end.status}: ${end.error.message}`,
    },
  };
}
