import type { ClientError, ClientResult, WorkflowClientOptions } from './clientTypes';

/** Codes the client gives failures that carry no error of the API's own. */
export const ClientErrorCode = {
  /** No answer arrived: the network failed, or the request could not be prepared (status 0). */
  NETWORK_ERROR: 'NETWORK_ERROR',
  /** An answer arrived but its body is not the JSON the API sends. */
  INVALID_RESPONSE: 'INVALID_RESPONSE',
  /** An error status whose body is not the API's `{ error: { code, message } }`, e.g. from a proxy. */
  HTTP_ERROR: 'HTTP_ERROR',
} as const;

/** What every request of one client shares. */
export type RequestSettings = Pick<WorkflowClientOptions, 'fetch' | 'headers' | 'getToken'> & {
  /** The API's base, without a trailing slash. */
  baseUrl: string;
};

/** One request: a method, a path under the base, and optionally a query and a JSON body. */
export interface JsonRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/**
 * Sends one request to the API and reads its JSON answer.
 *
 * @remarks Never rejects: HTTP errors, non-JSON answers and network failures all resolve to
 * `{ success: false, error }`, so callers branch instead of wrapping every call in `try`.
 */
export async function requestJson<T>(
  settings: RequestSettings,
  request: JsonRequest,
): Promise<ClientResult<T>> {
  let response: Response;
  try {
    const init: RequestInit = {
      method: request.method,
      headers: await headersFor(settings, request),
    };
    if (request.body !== undefined) init.body = JSON.stringify(request.body);
    const url = resolveUrl(`${settings.baseUrl}${request.path}${queryString(request.query)}`);
    // Read at call time, not creation time, so a fetch patched later (MSW, a polyfill) is used.
    const send = settings.fetch ?? globalThis.fetch;
    response = await send(url, init);
  } catch (error) {
    return failure({
      code: ClientErrorCode.NETWORK_ERROR,
      status: 0,
      message: `The request could not be completed: ${messageOf(error)}`,
    });
  }
  return readAnswer<T>(response);
}

/** The URL for a path: relative paths resolve against the page's location where there is one. */
export function resolveUrl(url: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(url)) return url;
  const location = (globalThis as { location?: { href: string } }).location;
  return location ? new URL(url, location.href).href : url;
}

/** Turns an answer into a result: its JSON on a 2xx, its error otherwise. */
async function readAnswer<T>(response: Response): Promise<ClientResult<T>> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return failure({
      code: ClientErrorCode.NETWORK_ERROR,
      status: 0,
      message: `The answer could not be read: ${messageOf(error)}`,
    });
  }
  // 204 No Content (a deletion) carries no body to read: success, with null as its data.
  if (response.status === 204) return { success: true, data: null as T };
  const body = parseJson(text);
  if (response.ok) {
    if (body === NOT_JSON) {
      return failure({
        code: ClientErrorCode.INVALID_RESPONSE,
        status: response.status,
        message: `Expected a JSON answer from ${response.url || 'the API'}, got: ${excerpt(text)}`,
      });
    }
    return { success: true, data: body as T };
  }
  return failure(apiErrorOf(body, response, text));
}

/** The API's `{ error: { code, message, issues } }`, or an error made from the status. */
function apiErrorOf(body: unknown, response: Response, text: string): ClientError {
  const error = (body as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const found: ClientError = {
      code: error.code,
      message: error.message,
      status: response.status,
    };
    if (Array.isArray(error.issues)) found.issues = error.issues as ClientError['issues'];
    if (typeof error.current_version === 'number') found.current_version = error.current_version;
    return found;
  }
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  return {
    code: ClientErrorCode.HTTP_ERROR,
    status: response.status,
    message: `HTTP ${response.status}${statusText}${text ? `: ${excerpt(text)}` : ''}`,
  };
}

async function headersFor(settings: RequestSettings, request: JsonRequest): Promise<Headers> {
  const given =
    typeof settings.headers === 'function' ? await settings.headers() : settings.headers;
  const headers = new Headers(given);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (request.body !== undefined) headers.set('content-type', 'application/json');
  const token = await settings.getToken?.();
  if (token) headers.set('authorization', `Bearer ${token}`);
  return headers;
}

function queryString(query: JsonRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const NOT_JSON = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

function excerpt(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '(empty body)';
  return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed;
}

function messageOf(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } })?.cause?.message;
  const message = error instanceof Error ? error.message : String(error);
  return typeof cause === 'string' && cause !== message ? `${message} (${cause})` : message;
}

function failure(error: ClientError): { success: false; error: ClientError } {
  return { success: false, error };
}
