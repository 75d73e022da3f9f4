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
import { applyHttpAuth, type HttpAuthMode } from './applyHttpAuth';
import { buildHttpRequest } from './buildHttpRequest';
import { declareParameters } from './declareParameters';
import { isPlainObject } from './isPlainObject';
import { readHttpResponse } from './readHttpResponse';

const PARAMETERS = declareParameters([
  {
    name: 'url',
    label: 'URL',
    type: ParameterType.STRING,
    required: true,
    placeholder: 'https://api.example.com/items',
    description: 'The absolute http:// or https:// URL to call.',
  },
  {
    name: 'method',
    label: 'Method',
    type: ParameterType.SELECT,
    options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'],
    default: 'GET',
  },
  {
    name: 'headers',
    label: 'Headers',
    type: ParameterType.JSON,
    description: 'An object of header names to string values.',
  },
  {
    name: 'query',
    label: 'Query parameters',
    type: ParameterType.JSON,
    description: 'An object appended to the URL as search params; an array value repeats its name.',
  },
  {
    name: 'body',
    label: 'Body',
    type: ParameterType.JSON,
    description:
      'Sent as is when a string, else as JSON (content-type application/json unless a content-type header is given).',
  },
  {
    name: 'timeout_ms',
    label: 'Timeout (ms)',
    type: ParameterType.NUMBER,
    integer: true,
    min: 1,
    max: 300_000,
    default: 30_000,
    description: 'How long to wait for the whole response before failing with TIMEOUT.',
  },
  {
    name: 'auth',
    label: 'Authentication',
    type: ParameterType.SELECT,
    options: [
      { value: 'none', label: 'None' },
      { value: 'bearer', label: 'Bearer token' },
      { value: 'basic', label: 'Basic (username and password)' },
      { value: 'header', label: 'Header (name and value)' },
    ],
    default: 'none',
    description: 'Sends the credential below as an Authorization or custom header.',
  },
  {
    name: 'credential',
    label: 'Credential',
    type: ParameterType.SECRET,
    description:
      'A stored credential: bearer reads "token", basic "username" and "password", header "name" and "value".',
  },
]);

type HttpRequestParameters = ParameterValues<typeof PARAMETERS>;

// An HTTP token (RFC 9110): the characters a header name may hold.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const QUERY_SCALAR_TYPES = new Set(['string', 'number', 'boolean']);

/**
 * Calls an HTTP endpoint with `context.fetch` (the engine's guarded fetch) and outputs
 * `{ status_code, headers, body }`.
 *
 * @remarks A 2xx response follows `success`; a non-2xx one fails with `HTTP_ERROR` (its response
 * still in `output_data`), an unreachable host with `NETWORK_ERROR`, a slow one with `TIMEOUT`,
 * a destination the guard refuses with `BLOCKED_DESTINATION` and a body over the guard's limit
 * with `RESPONSE_TOO_LARGE`, all following `error`. A stopped run is not converted: its abort is
 * rethrown. Without `context.fetch` (host code calling `execute` directly) the global `fetch` is
 * used, unguarded.
 */
export class HttpRequestComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'http_request',
      name: 'HTTP Request',
      description: 'Call an HTTP API and output its status, headers and body.',
      category: ComponentCategory.INTEGRATIONS,
      icon: 'GlobeAltIcon',
      color: 'from-blue-500 to-indigo-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [
        { id: 'success', type: 'source', position: 'right', label: 'Success' },
        { id: 'error', type: 'source', position: 'bottom', label: 'Error' },
      ],
    };
  }

  /** Checks the URL, the shapes of `headers` and `query`, and that GET and HEAD carry no body. */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    const issues: CustomParameterIssue[] = [];
    const { url, method, headers, query, body } = values;
    if (typeof url === 'string' && !isHttpUrl(url)) {
      issues.push({ parameter: 'url', message: 'URL must be an absolute http:// or https:// URL' });
    }
    if (!isMissingValue(headers)) {
      const problem = findHeadersProblem(headers);
      if (problem) issues.push({ parameter: 'headers', message: problem });
    }
    if (!isMissingValue(query)) {
      const problem = findQueryProblem(query);
      if (problem) issues.push({ parameter: 'query', message: problem });
    }
    if ((method === 'GET' || method === 'HEAD') && !isMissingValue(body)) {
      issues.push({ parameter: 'body', message: `A ${method} request cannot have a body` });
    }
    if (values.auth !== undefined && values.auth !== 'none' && isMissingValue(values.credential)) {
      issues.push({
        parameter: 'credential',
        message: 'Choose the credential to authenticate with',
      });
    }
    return issues;
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const input = context.input_data as HttpRequestParameters;
    const issues = HttpRequestComponent.validateParameters(input);
    if (issues.length > 0) {
      throw new FlowloomError(
        ErrorCode.INVALID_PARAMETERS,
        issues.map((issue) => issue.message).join('; '),
        {
          issues: issues.map((issue) => ({ path: issue.parameter, message: issue.message })),
        },
      );
    }
    const { url, init } = buildHttpRequest(input);
    applyHttpAuth(init.headers, (input.auth ?? 'none') as HttpAuthMode, input.credential);
    const timeoutSignal = AbortSignal.timeout(input.timeout_ms);
    const signal = AbortSignal.any([context.signal, timeoutSignal]);
    context.logger.debug(`${init.method} ${url.origin}${url.pathname}`);
    try {
      const response = await (context.fetch ?? fetch)(url, { ...init, signal });
      const output_data = await readHttpResponse(response);
      if (response.ok) return { success: true, output_data };
      const message = `HTTP ${response.status} ${response.statusText}`.trim();
      return { success: false, output_data, error: { code: 'HTTP_ERROR', message } };
    } catch (error) {
      // A stopped run or a step timeout belongs to the engine: let it see the abort as is.
      if (context.signal.aborted) throw error;
      if (isGuardRefusal(error)) {
        return {
          success: false,
          output_data: {},
          error: { code: error.code, message: error.message },
        };
      }
      if (timeoutSignal.aborted) {
        return {
          success: false,
          output_data: {},
          error: { code: 'TIMEOUT', message: `Request timed out after ${input.timeout_ms} ms` },
        };
      }
      return {
        success: false,
        output_data: {},
        error: { code: 'NETWORK_ERROR', message: `Request failed: ${describeNetworkError(error)}` },
      };
    }
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
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

function findQueryProblem(query: unknown): string | undefined {
  if (!isPlainObject(query)) return 'Query parameters must be an object';
  for (const [name, value] of Object.entries(query)) {
    const items = Array.isArray(value) ? value : [value];
    if (!items.every((item) => item === null || QUERY_SCALAR_TYPES.has(typeof item))) {
      return `Query parameter "${name}" must be a string, number, boolean or an array of those`;
    }
  }
  return undefined;
}

/** A refusal of the guarded fetch: the step fails with its code rather than NETWORK_ERROR. */
function isGuardRefusal(error: unknown): error is FlowloomError {
  return (
    error instanceof FlowloomError &&
    (error.code === ErrorCode.BLOCKED_DESTINATION || error.code === ErrorCode.RESPONSE_TOO_LARGE)
  );
}

/** The most specific reason `fetch` gives: undici wraps the socket error as `cause`. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { message?: unknown; code?: unknown } | undefined;
  if (cause && typeof cause.message === 'string' && cause.message) return cause.message;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error.message;
}
