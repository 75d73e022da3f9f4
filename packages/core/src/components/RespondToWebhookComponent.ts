import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import {
  BaseWorkflowComponent,
  type CustomParameterIssue,
} from '../registry/BaseWorkflowComponent';
import type { ParameterValues } from '../registry/parameterValues';
import { isMissingValue } from '../schema/checkParameterValue';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { declareParameters } from './declareParameters';
import { isPlainObject } from './isPlainObject';

const PARAMETERS = declareParameters([
  {
    name: 'status_code',
    label: 'Status code',
    type: ParameterType.NUMBER,
    integer: true,
    min: 200,
    max: 599,
    default: 200,
    description: 'The HTTP status the webhook caller gets.',
  },
  {
    name: 'headers',
    label: 'Headers',
    type: ParameterType.JSON,
    description:
      'An object of header names to string values, e.g. { "content-type": "text/plain" }.',
  },
  {
    name: 'body',
    label: 'Body',
    type: ParameterType.JSON,
    placeholder: '{{ steps.shape }}',
    description:
      'Sent as is when a string (text/plain unless a content-type header says otherwise), else as JSON.',
  },
]);

type RespondParameters = ParameterValues<typeof PARAMETERS>;

// An HTTP token (RFC 9110): the characters a header name may hold.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Sets the answer of the webhook that started the run, when its trigger waits for the run
 * (`respond: when_finished`): outputs `{ status_code, headers, body }`, which the webhook route
 * sends once the run has completed. In a run started otherwise it only records that output.
 *
 * @remarks The route keeps its own security headers (`content-security-policy: sandbox`,
 * `x-content-type-options: nosniff`) whatever `headers` says: end users' workflows answer on
 * the host's origin, and must not serve it pages that run scripts there.
 */
export class RespondToWebhookComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'respond_to_webhook',
      name: 'Respond to Webhook',
      description: 'Set the status, headers and body the webhook caller gets back.',
      category: ComponentCategory.OUTPUT_ACTIONS,
      icon: 'ArrowUturnLeftIcon',
      color: 'from-violet-500 to-fuchsia-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  /** Checks that `headers` is an object of header names to single-line strings. */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    if (isMissingValue(values.headers)) return [];
    const problem = findHeadersProblem(values.headers);
    return problem ? [{ parameter: 'headers', message: problem }] : [];
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const { status_code, headers, body } = context.input_data as RespondParameters;
    const issues = RespondToWebhookComponent.validateParameters({ headers });
    if (issues.length > 0) {
      throw new FlowloomError(ErrorCode.INVALID_PARAMETERS, issues[0]!.message, {
        issues: issues.map((issue) => ({ path: issue.parameter, message: issue.message })),
      });
    }
    return {
      success: true,
      output_data: { status_code, headers: headers ?? {}, body: body ?? null },
    };
  }
}

function findHeadersProblem(headers: unknown): string | undefined {
  if (!isPlainObject(headers)) return 'Headers must be an object of header names to strings';
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) return `Header name "${name}" is not a valid HTTP header name`;
    if (typeof value !== 'string') return `Header "${name}" must be a string`;
    if (/[\r\n\0]/.test(value)) return `Header "${name}" must not contain line breaks`;
  }
  return undefined;
}
