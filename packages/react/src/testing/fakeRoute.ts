import { type DefaultBodyType, delay, type HttpResponseResolver, type PathParams } from 'msw';
import { errorAnswer } from './errorAnswer';

/** What a fake route gets: the request, its URL and its path parameters. */
export interface FakeRequest {
  request: Request;
  url: URL;
  params: Record<string, string>;
}

/**
 * An MSW resolver for one route of the fake API: waits `latencyMs`, then answers with `resolve`
 * or, when it throws, with the error in the API's format.
 */
export function fakeRoute(
  latencyMs: number,
  resolve: (input: FakeRequest) => Response | Promise<Response>,
): HttpResponseResolver<PathParams, DefaultBodyType> {
  return async ({ request, params }) => {
    if (latencyMs > 0) await delay(latencyMs);
    try {
      return await resolve({ request, url: new URL(request.url), params: stringParams(params) });
    } catch (error) {
      return errorAnswer(error);
    }
  };
}

function stringParams(params: PathParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string') result[name] = value;
  }
  return result;
}
