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
import { isWebhookResponseHeaderAllowed } from './isWebhookResponseHeaderAllowed';

const PARAMETERS = declareParameters([
  {
    name: 'status_code',
    label: 'Status code',
    type: ParameterType.NUMBER,
    integer: true,
    min: 200,
    max: 599,
    default: 200,
    description:
      'The HTTP status the webhook caller gets: 2xx, 4xx or 5xx. Redirects (3xx) are refused: a step with one fails, and the caller gets 502 RUN_FAILED.',
  },
  {
    name: 'headers',
    label: 'Headers',
    type: ParameterType.JSON,
    description:
      'An object of header names to string values, e.g. { "content-type": "text/plain" }. Allowed: content-type, content-language, cache-control, etag, last-modified, retry-after and x-* (except x-frame-options, x-content-type-options and other security headers the server sets); others such as set-cookie, location or access-control-* are refused.',
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
 * @remarks End users' workflows answer on the host's origin, so they may set only harmless
 * headers (see `isWebhookResponseHeaderAllowed`: no `set-cookie`, `location`,
 * `access-control-*`, …) and no redirect status; a step given one fails (validation reports it
 * first when the values are literal). The route keeps its own security headers
 * (`content-security-policy: sandbox`, `x-content-type-options: nosniff`,
 * `x-frame-options: DENY`) whatever `headers` says, and must not serve pages that run scripts.
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

  /**
   * Checks that `status_code` is no redirect and that `headers` is an object of allowed header
   * names to single-line strings.
   */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    const issues: CustomParameterIssue[] = [];
    const status = values.status_code;
    if (typeof status === 'number' && status >= 300 && status <= 399) {
      issues.push({
        parameter: 'status_code',
        message: `Status code ${status} is a redirect, which a webhook answer may not be`,
      });
    }
    if (!isMissingValue(values.headers)) {
      const problem = findHeadersProblem(values.headers);
      if (problem) issues.push({ parameter: 'headers', message: problem });
    }
    return issues;
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const { status_code, headers, body } = context.input_data as RespondParameters;
    // Again at run time: expressions may have produced what validation could not see.
    const issues = RespondToWebhookComponent.validateParameters({ status_code, headers });
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
    if (!isWebhookResponseHeaderAllowed(name)) {
      return `Header "${name}" may not be set by a workflow: use content-type, content-language, cache-control, etag, last-modified, retry-after or an x-* header`;
    }
    if (typeof value !== 'string') return `Header "${name}" must be a string`;
    if (/[\r\n\0]/.test(value)) return `Header "${name}" must not contain line breaks`;
  }
  return undefined;
}
