import { ErrorCode } from '../errors/errorCodes';
import { BaseWorkflowComponent } from '../registry/BaseWorkflowComponent';
import type { ParameterValues } from '../registry/parameterValues';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { declareParameters } from './declareParameters';
import { isPlainObject } from './isPlainObject';

const PARAMETERS = declareParameters([
  {
    name: 'code',
    label: 'Code',
    type: ParameterType.TEXTAREA,
    required: true,
    placeholder: 'return { total: input.items.length };',
    description:
      "The body of a function that sees `input`, `steps` and `vars` and returns the step's output",
  },
  {
    name: 'timeout_ms',
    label: 'Timeout (ms)',
    type: ParameterType.NUMBER,
    integer: true,
    min: 1,
    max: 30_000,
    default: 1_000,
    description: 'How much time the code may run before failing with CODE_TIMEOUT.',
  },
]);

type CodeParameters = ParameterValues<typeof PARAMETERS>;

const DEFAULT_TIMEOUT_MS = 1_000;

const NO_SANDBOX_MESSAGE =
  'The code step needs a sandbox: createWorkflowServer gives one by default; with an engine of ' +
  'your own, pass one as new ExecutionEngine({ sandbox: createCodeSandbox() }) ' +
  '(createCodeSandbox is exported by @flowloom/server-adapter).';

/**
 * Runs the end user's JavaScript in the host's {@link CodeSandbox} and outputs what it returns:
 * the object itself, or `{ result }` for any other JSON value.
 *
 * @remarks The code's `console.*` lines go to the step's log. Memory, output and input limits
 * are the sandbox's (`createWorkflowServer` sets its output limit to `limits.maxStepOutputBytes`).
 * A failure (`CODE_TIMEOUT`, `CODE_MEMORY_LIMIT`, `CODE_ERROR`, `OUTPUT_TOO_LARGE`,
 * `INPUT_TOO_LARGE`, `CODE_SANDBOX_BUSY`, or `NOT_CONFIGURED` when the host gave no sandbox)
 * follows the `error` handle. A stopped run is not converted: its abort is rethrown.
 */
export class CodeComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'code',
      name: 'Code',
      description: 'Run JavaScript over earlier data and output what it returns.',
      category: ComponentCategory.DATA_PROCESSING,
      icon: 'CodeBracketIcon',
      color: 'from-amber-500 to-orange-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [
        { id: 'success', type: 'source', position: 'right', label: 'Success' },
        { id: 'error', type: 'source', position: 'bottom', label: 'Error' },
      ],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const { code, timeout_ms = DEFAULT_TIMEOUT_MS } = context.input_data as CodeParameters;
    const { sandbox } = context;
    if (!sandbox) {
      return {
        success: false,
        output_data: {},
        error: { code: ErrorCode.NOT_CONFIGURED, message: NO_SANDBOX_MESSAGE },
      };
    }
    const result = await sandbox.run({
      code,
      // Shallow copies of the run's live records (references, not data): a run that waits for a
      // busy sandbox still sees the steps and variables as they were when this step started.
      globals: {
        input: context.input,
        steps: { ...context.previous_outputs },
        vars: { ...context.global_variables },
      },
      timeoutMs: timeout_ms,
      signal: context.signal,
    });
    for (const line of result.logs) context.logger.log(line.level, line.message);
    // A stopped run or a step timeout belongs to the engine: let it see the abort as is.
    context.signal.throwIfAborted();
    if (!result.ok) {
      return {
        success: false,
        output_data: {},
        error: { code: result.error.code, message: result.error.message },
      };
    }
    const { value } = result;
    return { success: true, output_data: isPlainObject(value) ? value : { result: value } };
  }
}
