import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import { requireStepControl } from '../executor/stepControl';
import { BaseWorkflowComponent } from '../registry/BaseWorkflowComponent';
import type { ParameterValues } from '../registry/parameterValues';
import { describeType } from '../schema/checkParameterValue';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import type { ErrorInfo } from '../schema/status';
import { declareParameters } from './declareParameters';
import { runItems } from './runItems';

/** The most items of one `for_each` step that run at once. */
export const MAX_FOR_EACH_CONCURRENCY = 50;

const PARAMETERS = declareParameters([
  {
    name: 'items',
    label: 'Items',
    type: ParameterType.EXPRESSION,
    required: true,
    placeholder: '{{ steps.fetch.items }}',
    description: 'An expression giving an array: the workflow runs once per item.',
  },
  {
    name: 'workflow_id',
    label: 'Workflow',
    type: ParameterType.STRING,
    required: true,
    placeholder: 'wf_…',
    description: 'A saved workflow you may read, run with the input { item, index }.',
  },
  {
    name: 'concurrency',
    label: 'Items at once',
    type: ParameterType.NUMBER,
    integer: true,
    min: 1,
    max: MAX_FOR_EACH_CONCURRENCY,
    default: 1,
  },
  {
    name: 'on_item_error',
    label: 'When an item fails',
    type: ParameterType.SELECT,
    options: [
      { value: 'fail', label: 'Fail the step (stop the other items)' },
      { value: 'continue', label: 'Continue (list it in errors)' },
    ],
    default: 'fail',
  },
]);

type ForEachParameters = ParameterValues<typeof PARAMETERS>;

/**
 * Runs a saved workflow once per item, each as a sub-workflow run of its own, up to
 * `concurrency` at once (an item whose run waits keeps its place until it ends). Outputs
 * `{ results, errors }` in item order: `results[i]` is item i's output (`null` for one that
 * failed or did not run), `errors` lists `{ index, error }` of the failed ones. A failed step
 * outputs the same, with what completed before it failed.
 */
export class ForEachComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'for_each',
      name: 'For Each',
      description: 'Run a workflow once per item of a list.',
      category: ComponentCategory.LOGIC,
      icon: 'ArrowPathRoundedSquareIcon',
      color: 'from-indigo-500 to-blue-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [
        { id: 'output', type: 'source', position: 'right', label: 'Output' },
        { id: 'error', type: 'source', position: 'bottom', label: 'Error' },
      ],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const control = requireStepControl(context, 'for_each');
    const { items, workflow_id, concurrency, on_item_error } =
      context.input_data as ForEachParameters;
    if (!Array.isArray(items)) {
      throw new FlowloomError(
        ErrorCode.INVALID_PARAMETERS,
        `Items must be an array, got ${describeType(items)}`,
      );
    }
    if (items.length > control.limits.maxItems) {
      throw new FlowloomError(
        ErrorCode.TOO_MANY_ITEMS,
        `${items.length} items is more than the ${control.limits.maxItems} one for_each step runs`,
      );
    }
    const workflow = await control.children.loadWorkflow(workflow_id);
    const failFast = on_item_error !== 'continue';
    const { ends, waiting, failure } = await runItems({
      items,
      workflow,
      children: control.children,
      concurrency: concurrency ?? 1,
      failFast,
      signal: context.signal,
    });
    if (waiting) return control.suspend({ resume: false });
    // On a failure too: what the items that completed gave, so an error branch can use it.
    const results = Array.from(ends, (end) => (end?.status === 'completed' ? end.output : null));
    const errors: Array<{ index: number; error: ErrorInfo }> = [];
    ends.forEach((end, index) => {
      if (end?.status === 'failed' || end?.status === 'cancelled')
        errors.push({ index, error: end.error });
    });
    if (failure) return { success: false, output_data: { results, errors }, error: failure };
    if (failFast && errors.length > 0) {
      const [first] = errors;
      return {
        success: false,
        output_data: { results, errors },
        error: {
          code: ErrorCode.SUB_WORKFLOW_FAILED,
          message: `Item ${first!.index} failed: ${first!.error.message}`,
        },
      };
    }
    return { success: true, output_data: { results, errors } };
  }
}
