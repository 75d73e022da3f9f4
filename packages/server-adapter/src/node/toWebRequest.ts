import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { requestUrl } from './requestUrl';

/** Node's header object as web `Headers` (repeated headers joined as the spec says). */
export function toWebHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) result.append(name, item);
    else result.set(name, value);
  }
  return result;
}

/**
 * A web `Request` for a Node request. When a framework has already read the body (a body
 * parser ran first), `parsedBody` is sent on as JSON instead of the spent stream.
 */
export function toWebRequest(
  request: IncomingMessage,
  options: { url?: string; parsedBody?: unknown } = {},
): Request {
  const url = requestUrl(request, options.url);
  const method = request.method ?? 'GET';
  const headers = toWebHeaders(request.headers);
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  if (options.parsedBody !== undefined) {
    const parsed = options.parsedBody;
    const body =
      typeof parsed === 'string'
        ? parsed
        : parsed instanceof Uint8Array
          ? new Uint8Array(parsed)
          : JSON.stringify(parsed);
    headers.delete('content-length');
    return new Request(url, { method, headers, body });
  }
  return new Request(url, {
    method,
    headers,
    body: bodyStream(request),
    duplex: 'half',
  } as RequestInit);
}

/**
 * The request body as a web stream that touches the Node stream only once read, and discards
 * the rest when cancelled.
 *
 * @remarks Not `Readable.toWeb`: it starts reading at once and, when the API answers without
 * reading to the end (413 for a body over the limit), leaves the request paused half-read, so
 * Node neither drains it nor frees the connection, and `server.close()` waits on it for good.
 * Left unread, Node discards the body itself once the response is sent.
 */
function bodyStream(request: Readable): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let listening = false;
  const onData = (chunk: Buffer) => {
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) request.pause();
  };
  const onEnd = () => {
    stop();
    controller.close();
  };
  const onError = (error: Error) => {
    stop();
    controller.error(error);
  };
  const stop = () => {
    request.off('data', onData).off('end', onEnd).off('error', onError);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      pull() {
        if (!listening) {
          listening = true;
          request.on('data', onData).once('end', onEnd).once('error', onError);
        }
        request.resume();
      },
      cancel() {
        stop();
        // Read on to the end with nobody listening, as Node does with a body nobody read.
        request.resume();
      },
    },
    // No read ahead: `pull` runs only when the API reads, so an unread body stays untouched.
    { highWaterMark: 0 },
  );
}

/** Writes a web `Response` to a Node response. */
export async function sendWebResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => {
    outgoing.setHeader(name, value);
  });
  if (!response.body) {
    outgoing.end();
    return;
  }
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}
