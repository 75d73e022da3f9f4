import { ErrorCode } from '@flowloom/core';
import { httpError } from '../http/errorResponse';

/**
 * Reads a request's raw body, refusing more than `limit` bytes without reading past them (a
 * declared `Content-Length` over it is refused before any is read). An absent body reads as no
 * bytes. Webhooks take the bytes as they are; `readJsonBody` parses them.
 *
 * @throws FlowloomError `PAYLOAD_TOO_LARGE` (413), `VALIDATION_FAILED` (400) when the client's
 * stream breaks.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  // A declared length within the limit is read whole: an HTTP server's parser ends the body at
  // that many bytes, and @hono/node-server then reads it straight from the socket instead of
  // building a web Request and a stream for it (a quarter of a millisecond per request). Not
  // with a Transfer-Encoding as well: a lenient parser (`insecureHTTPParser`) lets the chunks
  // run past the length, so that body is streamed and cut off at the limit. The size is checked
  // again for a Request built in code, whose header nothing enforces.
  if (Number.isInteger(declared) && declared >= 0 && !request.headers.has('transfer-encoding')) {
    return readDeclared(request, limit);
  }
  if (!request.body) return new Uint8Array(0);
  return readStream(request.body, limit);
}

async function readDeclared(request: Request, limit: number): Promise<Uint8Array> {
  // A body the host already read is the host's bug (a 500), not the client's.
  const used = request.bodyUsed;
  const bytes = await request.arrayBuffer().catch((error: unknown) => {
    throw used ? error : unreadable(error);
  });
  if (bytes.byteLength > limit) throw tooLarge(limit);
  return new Uint8Array(bytes);
}

/** Reads a stream of unknown length, refusing more than `limit` bytes without reading past them. */
async function readStream(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      throw unreadable(error);
    });
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/** The client went away or the stream broke mid-upload: its fault, not a server bug. */
function unreadable(error: unknown) {
  return httpError(
    ErrorCode.VALIDATION_FAILED,
    `The request body could not be read: ${(error as Error)?.message ?? error}`,
  );
}

function tooLarge(limit: number) {
  return httpError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `The request body is larger than the limit of ${limit} bytes`,
  );
}
