const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Headers that describe a request body: dropped with the body when a redirect turns into a GET.
const BODY_HEADERS = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
  'content-length',
];
// Credentials meant for one origin only: never carried to another.
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** A request to send, as a guarded fetch hands it to its transport. */
export interface HopRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: BodyInit | null | undefined;
}

/**
 * The request a redirect response leads to, following the fetch standard's rules: `undefined`
 * when the response is not a redirect or has no `Location`.
 *
 * @remarks A 303 turns any method but GET and HEAD into a body-less GET; a 301 or 302 does so for
 * POST only; 307 and 308 resend method and body. `authorization`, `cookie` and
 * `proxy-authorization` are dropped when the new URL has another origin.
 * @throws TypeError when the `Location` is not a URL, or a 307/308 would resend a stream body
 * (it was consumed), as `fetch` does.
 */
export function nextRedirect(response: Response, request: HopRequest): HopRequest | undefined {
  if (!REDIRECT_STATUSES.has(response.status)) return undefined;
  const location = response.headers.get('location');
  if (location === null) return undefined;
  let url: URL;
  try {
    url = new URL(location, request.url);
  } catch {
    throw new TypeError(`Redirect to an invalid URL: ${location}`);
  }
  const headers = new Headers(request.headers);
  let { method, body } = request;
  const upper = method.toUpperCase();
  if (
    (response.status === 303 && upper !== 'GET' && upper !== 'HEAD') ||
    ((response.status === 301 || response.status === 302) && upper === 'POST')
  ) {
    method = 'GET';
    body = null;
    for (const name of BODY_HEADERS) headers.delete(name);
  } else if (body instanceof ReadableStream) {
    throw new TypeError('Cannot follow a redirect that resends a streamed request body');
  }
  if (url.origin !== request.url.origin) {
    for (const name of CREDENTIAL_HEADERS) headers.delete(name);
  }
  return { url, method, headers, body };
}
