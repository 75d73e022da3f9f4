import { ErrorCode, findJsonDepthProblem } from '@flowloom/core';
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
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return {};
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      // The client went away or the stream broke mid-upload: its fault, not a server bug.
      throw httpError(
        ErrorCode.VALIDATION_FAILED,
        `The request body could not be read: ${(error as Error)?.message ?? error}`,
      );
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(concat(chunks, size));
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

function tooLarge(limit: number) {
  return httpError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `The request body is larger than the limit of ${limit} bytes`,
  );
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
