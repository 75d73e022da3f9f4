import {
  BaseWorkflowComponent,
  type CustomParameterIssue,
} from '../registry/BaseWorkflowComponent';
import { isMissingValue } from '../schema/checkParameterValue';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { declareParameters } from './declareParameters';

/** The longest a `when_finished` webhook may keep its caller waiting: 5 minutes. */
export const WEBHOOK_MAX_TIMEOUT_MS = 300_000;

const PARAMETERS = declareParameters([
  {
    name: 'path',
    label: 'Path',
    type: ParameterType.STRING,
    required: true,
    placeholder: '/orders/created',
    description: 'The path the webhook listens on; starts with "/".',
  },
  {
    name: 'method',
    label: 'Method',
    type: ParameterType.SELECT,
    options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    default: 'POST',
    description: 'The HTTP method the webhook accepts; others are answered 405.',
  },
  {
    name: 'respond',
    label: 'Respond',
    type: ParameterType.SELECT,
    options: [
      { value: 'immediately', label: 'Immediately (202 with the instance id)' },
      { value: 'when_finished', label: 'When the run finishes (its output)' },
    ],
    default: 'immediately',
    description:
      'When the caller gets its answer: at once, or once the run ends (the output of its last steps, or what a Respond to Webhook step sets).',
  },
  {
    name: 'timeout_ms',
    label: 'Wait at most (ms)',
    type: ParameterType.NUMBER,
    integer: true,
    min: 1,
    max: WEBHOOK_MAX_TIMEOUT_MS,
    default: 30_000,
    description:
      'With "when finished": how long the caller waits; a run still going then is answered 202 with its instance id.',
  },
  {
    name: 'auth',
    label: 'Authentication',
    type: ParameterType.SELECT,
    options: [
      { value: 'none', label: 'None' },
      { value: 'header', label: 'Header (name and value)' },
      { value: 'hmac_sha256', label: 'HMAC-SHA256 signature of the body' },
    ],
    default: 'none',
    description:
      'How callers prove who they are; a request that fails is answered 401 and starts nothing.',
  },
  {
    name: 'credential',
    label: 'Credential',
    type: ParameterType.SECRET,
    description:
      'A stored credential: header reads "name" and "value", hmac_sha256 reads "secret" (or the field the reference names).',
  },
  {
    name: 'signature_header',
    label: 'Signature header',
    type: ParameterType.STRING,
    default: 'x-signature',
    description:
      'With hmac_sha256: the header holding the hex HMAC-SHA256 of the raw body (a "sha256=" prefix is accepted).',
  },
]);

// An HTTP token (RFC 9110): the characters a header name may hold.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Starts a run when an HTTP request reaches `{base}/webhooks/{workflow_id}{path}` of an active
 * workflow; outputs the request as the run's input: `{ method, path, headers, query, body }`.
 *
 * @remarks The server's webhook route does the listening, the method check, the
 * authentication and the answer; the component describes them and passes the request on.
 */
export class WebhookTriggerComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'webhook_trigger',
      name: 'Webhook Trigger',
      description: 'Start the workflow when an HTTP request arrives at a path.',
      category: ComponentCategory.TRIGGERS,
      icon: 'BoltIcon',
      color: 'from-violet-500 to-purple-600',
      parameters: [...PARAMETERS],
      input_handles: [],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  /**
   * Checks that `path` is a URL path (a leading "/", no spaces, no query or fragment), that an
   * authenticated webhook names its credential, and that the signature header is a header name.
   */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    const issues: CustomParameterIssue[] = [];
    const { path, auth, signature_header } = values;
    if (typeof path === 'string') {
      if (!path.startsWith('/'))
        issues.push({ parameter: 'path', message: 'Path must start with "/"' });
      else if (/[\s?#]/.test(path)) {
        issues.push({ parameter: 'path', message: 'Path must not contain spaces, "?" or "#"' });
      }
    }
    if (auth !== undefined && auth !== 'none' && isMissingValue(values.credential)) {
      issues.push({ parameter: 'credential', message: 'Choose the credential callers must match' });
    }
    if (typeof signature_header === 'string' && !HEADER_NAME.test(signature_header)) {
      issues.push({
        parameter: 'signature_header',
        message: 'Signature header must be an HTTP header name',
      });
    }
    return issues;
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    return { success: true, output_data: { ...context.run_input } };
  }
}
