import { setTimeout as delay } from 'node:timers/promises';
import {
  clientAddressGroup,
  DEFAULT_LIMITS,
  ErrorCode,
  type ExecutionEvent,
  type ExecutionEventListener,
  toFlowloomError,
  type WorkflowStore,
} from '@flowloom/core';
import type { AccessControl } from '../auth/AccessControl';
import type { WorkflowUser } from '../auth/authTypes';
import { refuseOtherHosts } from '../http/allowedHosts';
import { type ErrorReporter, httpError } from '../http/errorResponse';
import { authenticateOrCount } from '../http/guardRoute';
import { httpStatusOf } from '../http/httpStatusOf';
import type { RateLimiter } from '../rateLimit/RateLimiter';
import { WEBSOCKET_OPEN, type WebSocketLike } from './WebSocketLike';

/** Where live events come from: the engine, or an event bus fed by other processes. */
export interface EventSource {
  subscribe(instanceId: string, listener: ExecutionEventListener): () => void;
}

/** Options of {@link WebSocketHub}. */
export interface WebSocketHubOptions {
  basePath: string;
  events: EventSource;
  store: WorkflowStore;
  access: AccessControl;
  limiter: RateLimiter | undefined;
  /** Origins allowed to connect; `undefined` allows any. */
  allowedOrigins: readonly string[] | undefined;
  /** Host names the server answers for (`allowedHosts`); `undefined` allows any. */
  allowedHosts?: readonly string[];
  /** @default 30000 */
  heartbeatMs?: number;
  /**
   * Where unexpected errors (answered 500, or a failed history read) are reported with their stack.
   * @default console
   */
  reporter?: ErrorReporter;
  /**
   * Sockets one caller (a user, or a client IP on an open server) holds open at once.
   * @default DEFAULT_LIMITS.maxWebSocketsPerUser (32)
   */
  maxSocketsPerCaller?: number;
  /**
   * Sockets the hub holds open at once.
   * @default DEFAULT_LIMITS.maxWebSockets (10000)
   */
  maxSockets?: number;
}

/** An upgrade that passed every check: who subscribes to what, from which `seq`. */
export interface HubSession {
  instanceId: string;
  user: WorkflowUser;
  since: number;
  /**
   * Whose sockets this one counts among (`maxSocketsPerCaller`): `user:<id>`, or on a server
   * without `authenticate`, where every caller is the same anonymous user, `ip:<address>` (an
   * IPv6 address's /64). Without one (a client IP the transport does not know) only the hub's
   * own limit applies.
   */
  caller?: string;
}

/** The answer to an upgrade request. */
export type UpgradeDecision =
  | { ok: true; session: HubSession }
  | { ok: false; status: number; body: string; headers?: Record<string, string> };

/** What the transport calls when its socket does something. */
export interface HubConnection {
  onMessage(data: string): void;
  onPong(): void;
  onClose(): void;
}

interface Client {
  socket: WebSocketLike;
  caller: string | undefined;
  alive: boolean;
  unsubscribe: () => void;
}

/**
 * Serves the execution-event WebSocket protocol (see ARCHITECTURE.md beside this file) to
 * sockets of any implementation.
 */
export class WebSocketHub {
  private readonly clients = new Set<Client>();
  /** Open sockets by caller; a caller with none has no entry. */
  private readonly socketsByCaller = new Map<string, number>();
  private readonly maxSocketsPerCaller: number;
  private readonly maxSockets: number;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly pathPrefix: string;
  private readonly reporter: ErrorReporter;
  private closed = false;

  constructor(private readonly options: WebSocketHubOptions) {
    this.pathPrefix = `${options.basePath.replace(/\/$/, '')}/ws/`;
    this.reporter = options.reporter ?? console;
    this.maxSocketsPerCaller = options.maxSocketsPerCaller ?? DEFAULT_LIMITS.maxWebSocketsPerUser;
    this.maxSockets = options.maxSockets ?? DEFAULT_LIMITS.maxWebSockets;
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 30_000);
    this.heartbeat.unref?.();
  }

  /** Whether a path is the hub's (`{basePath}/ws/{instance_id}`). */
  handles(pathname: string): boolean {
    return pathname.startsWith(this.pathPrefix) && pathname.length > this.pathPrefix.length;
  }

  /** Open sockets. */
  get connectionCount(): number {
    return this.clients.size;
  }

  /** Checks an upgrade request: path, origin, user, owner and rate limit. */
  async authorizeUpgrade(request: Request, clientIp?: string): Promise<UpgradeDecision> {
    try {
      // Its store may be closed already; a state conflict, answered before touching it.
      if (this.closed) throw httpError(ErrorCode.CONFLICT, 'The server is shutting down');
      // Before the origin: under DNS rebinding the page's origin and Host agree.
      refuseOtherHosts(request, this.options.allowedHosts);
      const url = new URL(request.url);
      if (!this.handles(url.pathname))
        throw httpError(ErrorCode.NOT_FOUND, 'No such WebSocket endpoint');
      const instanceId = decodePathSegment(url.pathname.slice(this.pathPrefix.length));
      const origin = request.headers.get('origin');
      if (origin && !isOriginAllowed(origin, request, this.options.allowedOrigins)) {
        throw httpError(ErrorCode.FORBIDDEN, `Origin ${origin} is not allowed`);
      }
      const sinceText = url.searchParams.get('since');
      const since = sinceText === null || sinceText === '' ? 0 : Number(sinceText);
      if (!Number.isInteger(since) || since < 0) {
        throw httpError(
          ErrorCode.VALIDATION_FAILED,
          '"since" must be a whole number of at least 0',
          [{ path: 'since', message: 'Expected a whole number ≥ 0' }],
        );
      }
      const user = await authenticateOrCount(this.options, withQueryToken(request, url), clientIp);
      await this.options.limiter?.check('websocket', user, clientIp, this.options.access.isOpen);
      const caller = callerOf(user, clientIp, this.options.access.isOpen);
      // Checked again when the socket is attached: upgrades in flight are not counted here.
      const full = this.fullFor(caller);
      if (full) throw httpError(ErrorCode.TOO_MANY_CONNECTIONS, full);
      const instance = await this.options.store.getInstance(instanceId);
      if (!instance)
        throw httpError(ErrorCode.NOT_FOUND, `Instance "${instanceId}" does not exist`);
      await this.options.access.authorize(user, 'instances:subscribe', {
        type: 'instance',
        id: instanceId,
        created_by: instance.created_by,
        tenant_id: instance.tenant_id,
      });
      return { ok: true, session: { instanceId, user, since, caller } };
    } catch (thrown) {
      const error = toFlowloomError(thrown);
      const status = httpStatusOf(error.code);
      if (status === 500) {
        this.reporter.error(
          '[flowloom] Unexpected error while checking a WebSocket upgrade',
          thrown,
        );
        return refusal(500, ErrorCode.INTERNAL_ERROR, 'Internal server error', []);
      }
      const retryAfter = (thrown as { retryAfterSeconds?: number }).retryAfterSeconds;
      return refusal(
        status,
        error.code,
        error.message,
        error.issues,
        retryAfter ? { 'retry-after': String(retryAfter) } : undefined,
      );
    }
  }

  /**
   * Serves one socket: the history after `since`, then live events, with no gap or repeat. A
   * socket past its caller's or the hub's limit (upgrades checked at once, then attached) is
   * closed with 1008 at once.
   */
  attach(socket: WebSocketLike, session: HubSession): HubConnection {
    if (this.closed) {
      // An upgrade that was in flight when the hub closed: it gets what the others got.
      socket.close(1001, 'Server shutting down');
      return NO_CONNECTION;
    }
    const { caller } = session;
    const full = this.fullFor(caller);
    if (full) {
      socket.close(1008, 'Too many open WebSockets');
      return NO_CONNECTION;
    }
    let lastSent = session.since;
    let catchingUp = true;
    const buffered: ExecutionEvent[] = [];
    const open = () => this.clients.has(client) && socket.readyState === WEBSOCKET_OPEN;
    const send = (event: ExecutionEvent) => {
      if (event.seq <= lastSent || socket.readyState !== WEBSOCKET_OPEN) return;
      if ((socket.bufferedAmount ?? 0) > MAX_UNREAD_BYTES) {
        // It stopped reading: what it was sent would pile up in this process for good. It
        // reconnects with `since` and gets the rest, page by page.
        this.drop(client);
        socket.close(1013, 'Too many unread events: reconnect with since');
        return;
      }
      lastSent = event.seq;
      socket.send(encode(event));
    };
    // Sends what the store holds after the last `seq` sent, page by page as the socket drains,
    // then what arrived meanwhile.
    const catchUp = () => {
      catchingUp = true;
      void this.replay(session.instanceId, socket, () => lastSent, send, open)
        .then(() => {
          catchingUp = false;
          // Sent as they are: a gap the store could not fill must not make a loop.
          for (const event of buffered.splice(0)) send(event);
        })
        .catch((error: unknown) => {
          this.reporter.error('[flowloom] Could not read the event history for a WebSocket', error);
          if (!this.clients.has(client)) return;
          this.drop(client);
          socket.close(1011, 'Could not read the event history');
        });
    };
    const client: Client = {
      socket,
      caller,
      alive: true,
      unsubscribe: this.options.events.subscribe(session.instanceId, (event) => {
        if (catchingUp) buffered.push(event);
        // An event source across processes can skip an event (a worker that stored it died
        // before publishing it): the store has it, so read it before going on.
        else if (event.seq > lastSent + 1) {
          buffered.push(event);
          catchUp();
        } else send(event);
      }),
    };
    this.clients.add(client);
    if (caller !== undefined) {
      this.socketsByCaller.set(caller, (this.socketsByCaller.get(caller) ?? 0) + 1);
    }
    catchUp();
    return {
      onMessage: (data) => {
        if (data === 'ping' && socket.readyState === WEBSOCKET_OPEN) socket.send('{"type":"pong"}');
      },
      onPong: () => {
        client.alive = true;
      },
      onClose: () => this.drop(client),
    };
  }

  /**
   * Sends a socket the stored events after `lastSent()`, a page at a time, each event once the
   * socket has written out all but {@link REPLAY_BUFFER_BYTES}: a client that reads slowly, or
   * not at all, holds one page in this process, not the whole history (a run's events may
   * reach `maxRunEventBytes`). Pages hold about {@link REPLAY_PAGE_BYTES} of events, sized from
   * the page before: a few large events, or many small ones.
   */
  private async replay(
    instanceId: string,
    socket: WebSocketLike,
    lastSent: () => number,
    send: (event: ExecutionEvent) => void,
    open: () => boolean,
  ): Promise<void> {
    let limit = FIRST_REPLAY_PAGE_EVENTS;
    for (;;) {
      const page = await this.options.store.listEvents(instanceId, {
        afterSeq: lastSent(),
        limit,
      });
      let bytes = 0;
      for (const event of page) {
        while (open() && (socket.bufferedAmount ?? 0) > REPLAY_BUFFER_BYTES) {
          await delay(DRAIN_POLL_MS, undefined, { ref: false });
        }
        if (!open()) return;
        send(event);
        bytes += encode(event).length;
      }
      if (page.length < limit) return;
      const perEvent = Math.max(1, bytes / page.length);
      limit = Math.min(
        MAX_REPLAY_PAGE_EVENTS,
        Math.max(MIN_REPLAY_PAGE_EVENTS, Math.floor(REPLAY_PAGE_BYTES / perEvent)),
      );
    }
  }

  /** Closes every socket (1001, going away) and stops the heartbeat. */
  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const client of [...this.clients]) {
      this.drop(client);
      client.socket.close(1001, 'Server shutting down');
    }
  }

  private drop(client: Client): void {
    if (!this.clients.delete(client)) return;
    const { caller } = client;
    if (caller !== undefined) {
      const left = (this.socketsByCaller.get(caller) ?? 1) - 1;
      if (left > 0) this.socketsByCaller.set(caller, left);
      else this.socketsByCaller.delete(caller);
    }
    client.unsubscribe();
  }

  /** Why one more socket for `caller` would be one too many, or `undefined`. */
  private fullFor(caller: string | undefined): string | undefined {
    if (
      caller !== undefined &&
      (this.socketsByCaller.get(caller) ?? 0) >= this.maxSocketsPerCaller
    ) {
      return `Too many open WebSockets: at most ${this.maxSocketsPerCaller} per user (limits.maxWebSocketsPerUser); close one first`;
    }
    if (this.clients.size >= this.maxSockets) {
      return `The server holds as many WebSockets as it may (${this.maxSockets}, limits.maxWebSockets); try again later`;
    }
    return undefined;
  }

  private beat(): void {
    for (const client of [...this.clients]) {
      // A socket that can't ping (not a server-side one) is left to its transport's own liveness.
      if (!client.socket.ping) continue;
      if (!client.alive) {
        this.drop(client);
        if (client.socket.terminate) client.socket.terminate();
        else client.socket.close(1001, 'No answer to ping');
        continue;
      }
      client.alive = false;
      client.socket.ping();
    }
  }
}

/**
 * Whose sockets an upgrade counts among: the user's, or on an open server (everyone is the same
 * anonymous user) its client address group's; `undefined` when that address is not known.
 */
function callerOf(
  user: WorkflowUser,
  clientIp: string | undefined,
  open: boolean,
): string | undefined {
  if (!open) return `user:${user.id}`;
  return clientIp === undefined ? undefined : `ip:${clientAddressGroup(clientIp)}`;
}

/** What a socket that was closed at once answers to. */
const NO_CONNECTION: HubConnection = { onMessage: () => {}, onPong: () => {}, onClose: () => {} };

function refusal(
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
function isOriginAllowed(
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
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw httpError(ErrorCode.NOT_FOUND, 'No such WebSocket endpoint');
  }
}

/** Browsers can't set headers on a WebSocket: `?token=` reaches `authenticate` as a bearer token. */
function withQueryToken(request: Request, url: URL): Request {
  const token = url.searchParams.get('token');
  if (!token || request.headers.has('authorization')) return request;
  const headers = new Headers(request.headers);
  headers.set('authorization', `Bearer ${token}`);
  return new Request(request.url, { method: request.method, headers });
}

/** Events of the first history page a catching-up socket reads; later pages are sized. */
const FIRST_REPLAY_PAGE_EVENTS = 16;
const MIN_REPLAY_PAGE_EVENTS = 4;
const MAX_REPLAY_PAGE_EVENTS = 500;
/** About how much of a history, as JSON, a page read for a catching-up socket holds. */
const REPLAY_PAGE_BYTES = 1024 * 1024;
/** Unsent bytes below which a catching-up socket is sent its next event. */
const REPLAY_BUFFER_BYTES = 1024 * 1024;
/** Unsent bytes past which a socket counts as no longer reading and is closed (1013). */
const MAX_UNREAD_BYTES = 16 * 1024 * 1024;
/** How often a catching-up socket's buffer is looked at while it drains. */
const DRAIN_POLL_MS = 25;

/** Each event's JSON, made once however many sockets it goes to. */
const encoded = new WeakMap<ExecutionEvent, string>();

function encode(event: ExecutionEvent): string {
  let text = encoded.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    encoded.set(event, text);
  }
  return text;
}
