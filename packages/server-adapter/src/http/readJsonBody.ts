import { ErrorCode, findJsonDepthProblem } from '@flowloom/core';
import { readBodyBytes } from '../triggers/readBodyBytes';
import { httpError } from './errorResponse';
import { unsupportedMediaType } from './jsonContentType';

/** The default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Reads a request's JSON body, refusing more than `limit` bytes without reading past it, and
 * JSON nested deeper than `maxDepth` (it would overflow the stack of whatever walks it next: a
 * store's `JSON.stringify`, a deep copy). An empty body reads as `{}`.
 *
 * @throws FlowloomError `PAYLOAD_TOO_LARGE` (413) or `VALIDATION_FAILED` (400) for bad or too
 * deeply nested JSON, naming the path; `UNSUPPORTED_MEDIA_TYPE` (415) for a body sent without a
 * `Content-Type`.
 */
export async function readJsonBody(
  request: Request,
  limit: number,
  maxDepth: number,
): Promise<unknown> {
  // The same limit and stream errors as a webhook's raw body; an absent body reads as none.
  const text = new TextDecoder().decode(await readBodyBytes(request, limit));
  if (text.trim() === '') return {};
  // A declared type other than JSON was refused before (`refuseNonJsonContent`); none at all
  // is refused here, once there is a body: browsers send a Blob of no type cross-site unchecked.
  if (!request.headers.has('content-type')) throw unsupportedMediaType('no Content-Type was given');
  let body: unknown;
  try {
    // V8's JSON.parse does not recurse, so any depth parses; the walk below is iterative too.
    body = JSON.parse(text);
  } catch (error) {
    throw httpError(
      ErrorCode.VALIDATION_FAILED,
      `The request body is not valid JSON: ${(error as Error).message}`,
      [{ path: '', message: 'Invalid JSON' }],
    );
  }
  const tooDeep = findJsonDepthProblem(body, maxDepth);
  if (tooDeep) {
    throw httpError(
      ErrorCode.VALIDATION_FAILED,
      `The request body nests deeper than ${maxDepth} levels at ${tooDeep.path || '(body)'}`,
      [{ path: tooDeep.path, message: `Nested deeper than ${maxDepth} levels` }],
    );
  }
  return body;
}
