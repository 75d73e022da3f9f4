import { clientAddressGroup, ErrorCode } from '@flowloom/core';
import type { WorkflowUser } from '../auth/authTypes';
import { httpError } from '../http/errorResponse';
import type { UpgradeDecision } from './WebSocketHub';

/**
 * Whose sockets an upgrade counts among: the user's, or on an open server (everyone is the same
 * anonymous user) its client address group's; `undefined` when that address is not known.
 */
export function callerOf(
  user: WorkflowUser,
  clientIp: string | undefined,
  open: boolean,
): string | undefined {
  if (!open) return `user:${user.id}`;
  return clientIp === undefined ? undefined : `ip:${clientAddressGroup(clientIp)}`;
}

/** A refused upgrade: a plain HTTP answer in the API's error format. */
export function refusal(
  status: number,
  code: string,
  message: string,
  issues: ReadonlyArray<{ path: string; message: string }>,
  headers?: Record<string, string>,
): UpgradeDecision {
  const body = JSON.stringify({ error: { code, message, issues } });
  return headers ? { ok: false, status, body, headers } : { ok: false, status, body };
}

/**
 * Whether a browser page of `origin` may open the socket: one of `allowedOrigins` (`'*'` for
 * any), or, when none are configured, the server's own origin only, so that with cookie
 * authentication no other site can subscribe to a signed-in user's runs.
 */
export function isOriginAllowed(
  origin: string,
  request: Request,
  allowedOrigins: readonly string[] | undefined,
): boolean {
  if (allowedOrigins) return allowedOrigins.includes('*') || allowedOrigins.includes(origin);
  const host = request.headers.get('host') ?? new URL(request.url).host;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    // `null` (sandboxed frames, file: pages) and garbage are no origin of ours.
    return false;
  }
}

/** A malformed escape (`%E0%A4%A`) names no instance: 404, not a 500 from `URIError`. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw httpError(ErrorCode.NOT_FOUND, 'No such WebSocket endpoint');
  }
}

/** Browsers can't set headers on a WebSocket: `?token=` reaches `authenticate` as a bearer token. */
export function withQueryToken(request: Request, url: URL): Request {
  const token = url.searchParams.get('token');
  if (!token || request.headers.has('authorization')) return request;
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${token}`);
  return new Request(request.url, { method: request.method, headers });
}
