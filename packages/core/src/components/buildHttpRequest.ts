import { isMissingValue } from '../schema/checkParameterValue';
import { isPlainObject } from './isPlainObject';

/** What {@link buildHttpRequest} needs: an HTTP Request step's parameter values. */
export interface HttpRequestOptions {
  url: string;
  method: string;
  headers?: unknown;
  query?: unknown;
  body?: unknown;
}

/** A request ready for `fetch(url, { ...init, signal })`. */
export interface BuiltHttpRequest {
  url: URL;
  init: { method: string; headers: Headers; body?: string };
}

/**
 * Turns an HTTP Request step's values into a URL and `fetch` options: `query` is appended to the
 * URL's search params, a non-string `body` is sent as JSON.
 *
 * @remarks Expects values that passed `HttpRequestComponent.validateParameters`.
 */
export function buildHttpRequest(options: HttpRequestOptions): BuiltHttpRequest {
  const url = new URL(options.url);
  if (isPlainObject(options.query)) {
    for (const [name, value] of Object.entries(options.query)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) url.searchParams.append(name, String(item));
      }
    }
  }
  const headers = new Headers(
    isPlainObject(options.headers) ? (options.headers as Record<string, string>) : {},
  );
  const init: BuiltHttpRequest['init'] = { method: options.method, headers };
  if (!isMissingValue(options.body)) {
    if (typeof options.body === 'string') {
      init.body = options.body;
    } else {
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      init.body = JSON.stringify(options.body);
    }
  }
  return { url, init };
}
