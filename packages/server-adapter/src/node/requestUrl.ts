import type { IncomingMessage } from 'node:http';

/** A Host header that is a host name or IP literal with an optional port, and nothing else. */
const VALID_HOST = /^(?:[\w.-]+|\[[\da-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The URL of a Node request, for a web `Request`.
 *
 * @remarks The Host header is the client's to write: one that is not a plain host (`a b`,
 * `x/y?`) would make `new URL` throw (a crash inside an `upgrade` listener) or change the path, so
 * it is replaced by `localhost`. The path is appended, never resolved, so `//x/y` stays a path.
 */
export function requestUrl(request: IncomingMessage, path: string = request.url ?? '/'): URL {
  const host = request.headers.host;
  const origin = host && VALID_HOST.test(host) ? `http://${host}` : 'http://localhost';
  return new URL(`${origin}${path.startsWith('/') ? path : `/${path}`}`);
}
