import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

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
  const url = new URL(
    options.url ?? request.url ?? '/',
    `http://${request.headers.host ?? 'localhost'}`,
  );
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
    body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
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
