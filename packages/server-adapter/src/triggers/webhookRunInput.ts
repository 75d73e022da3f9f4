import { ErrorCode, findJsonDepthProblem } from '@flowloom/core';
import { httpError } from '../http/errorResponse';

/** Request headers a run never sees: they carry the caller's own credentials. */
const WITHHELD_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/** What a webhook request becomes: the run's input, which its trigger step outputs. */
export interface WebhookRunInput {
  [key: string]: unknown;
  method: string;
  /** The trigger's path. */
  path: string;
  /** Header names lower-cased, without `authorization`, `proxy-authorization` and `cookie`. */
  headers: Record<string, string>;
  /** Query parameters; a repeated one as an array. */
  query: Record<string, string | string[]>;
  /** The body: JSON parsed, a URL-encoded form as an object, anything else as text; `null` when empty. */
  body: unknown;
}

/**
 * The run input of a webhook request. `withhold` names one more header to leave out: the one
 * a `header`-authenticated webhook's secret came in.
 *
 * @throws FlowloomError `VALIDATION_FAILED` (400) for a JSON body that does not parse or nests
 * deeper than `maxDepth` (counting the run input's own level).
 */
export function webhookRunInput(
  request: Request,
  path: string,
  body: Uint8Array,
  options: { maxDepth: number; withhold?: string },
): WebhookRunInput {
  const headers = new Map<string, string>();
  request.headers.forEach((value, name) => {
    if (!WITHHELD_HEADERS.has(name) && name !== options.withhold) headers.set(name, value);
  });
  return {
    method: request.method,
    path,
    headers: Object.fromEntries(headers),
    query: paramsObject(new URL(request.url).searchParams),
    body: parseBody(body, request.headers.get('content-type') ?? '', options.maxDepth - 1),
  };
}

function parseBody(bytes: Uint8Array, contentType: string, maxDepth: number): unknown {
  if (bytes.byteLength === 0) return null;
  const text = new TextDecoder().decode(bytes);
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded')
    return paramsObject(new URLSearchParams(text));
  if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) return text;
  let body: unknown;
  try {
    // V8's JSON.parse does not recurse, so any depth parses; the depth walk is iterative too.
    body = JSON.parse(text);
  } catch (error) {
    throw httpError(
      ErrorCode.VALIDATION_FAILED,
      `The request body is not valid JSON: ${(error as Error).message}`,
      [{ path: 'body', message: 'Invalid JSON' }],
    );
  }
  const tooDeep = findJsonDepthProblem(body, maxDepth);
  if (tooDeep) {
    throw httpError(
      ErrorCode.VALIDATION_FAILED,
      `The request body nests deeper than ${maxDepth} levels at ${tooDeep.path || '(body)'}`,
      [
        {
          path: `body${tooDeep.path ? `.${tooDeep.path}` : ''}`,
          message: `Nested deeper than ${maxDepth} levels`,
        },
      ],
    );
  }
  return body;
}

/** Search params as an object; a repeated name as an array of its values. */
function paramsObject(params: URLSearchParams): Record<string, string | string[]> {
  const values = new Map<string, string | string[]>();
  for (const [name, value] of params) {
    const seen = values.get(name);
    if (seen === undefined) values.set(name, value);
    else if (Array.isArray(seen)) seen.push(value);
    else values.set(name, [seen, value]);
  }
  // fromEntries defines own properties: a `__proto__` parameter can't reach a prototype.
  return Object.fromEntries(values);
}
