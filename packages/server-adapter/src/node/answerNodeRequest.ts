import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkflowServer } from '../createWorkflowServer';
import { answerUnreadableRequest } from '../http/answerUnreadableRequest';
import { type ErrorReporter, errorResponse } from '../http/errorResponse';
import { requestUrl } from './requestUrl';
import { sendWebResponse, toWebRequest } from './toWebRequest';

/** What {@link answerNodeRequest} reads besides the request. */
export interface NodeRequestOptions {
  /** The path and query to use instead of `request.url` (Express's `originalUrl`). */
  url?: string;
  /** A body a framework's parser already read. */
  parsedBody?: unknown;
  /** The client's address, for per-IP rate limits. */
  clientIp?: string;
}

/** Unexpected failures of the adapters themselves go here; the API's own go to its logger. */
const adapterReporter: ErrorReporter = { error: (message, error) => console.error(message, error) };

/**
 * The API's answer to a Node request. Never rejects: a request that can't be made into a web
 * `Request` (a `TRACE`, which undici refuses) is answered in the API's error format here, and so
 * is anything the handler throws, so no framework's default error page (HTML with a stack trace)
 * ever answers a request under the base path.
 */
export async function answerNodeRequest(
  server: WorkflowServer,
  request: IncomingMessage,
  options: NodeRequestOptions = {},
): Promise<Response> {
  let webRequest: Request;
  try {
    webRequest = toWebRequest(request, options);
  } catch {
    const { pathname } = requestUrl(request, options.url);
    return answerUnreadableRequest(server, request.method ?? 'GET', pathname, adapterReporter);
  }
  try {
    return await server.fetch(webRequest, { clientIp: options.clientIp });
  } catch (error) {
    return errorResponse(error, adapterReporter);
  }
}

/**
 * Answers a Node request with the API and writes the answer; never rejects. When writing fails
 * half-way (the client went away), the socket is dropped.
 */
export async function serveNodeRequest(
  server: WorkflowServer,
  request: IncomingMessage,
  response: ServerResponse,
  options: NodeRequestOptions = {},
): Promise<void> {
  const answer = await answerNodeRequest(server, request, options);
  try {
    await sendWebResponse(answer, response);
  } catch {
    response.destroy();
  }
}
