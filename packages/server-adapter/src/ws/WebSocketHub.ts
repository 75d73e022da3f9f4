import {
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
import { encodeEvent } from './encodeEvent';
import { replayHistory } from './replayHistory';
import { SocketCounts } from './SocketCounts';
import {
  callerOf,
  decodePathSegment,
  isOriginAllowed,
  refusal,
  withQueryToken,
} from './upgradeChecks';
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
  private readonly counts: SocketCounts;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private readonly pathPrefix: string;
  private readonly reporter: ErrorReporter;
  private closed = false;

  constructor(private readonly options: WebSocketHubOptions) {
    this.pathPrefix = `${options.basePath.replace(/\/$/, '')}/ws/`;
    this.reporter = options.reporter ?? console;
    this.counts = new SocketCounts(
      options.maxSocketsPerCaller ?? DEFAULT_LIMITS.maxWebSocketsPerUser,
      options.maxSockets ?? DEFAULT_LIMITS.maxWebSockets,
    );
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
      const full = this.counts.refusalFor(caller, this.clients.size);
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
    const full = this.counts.refusalFor(caller, this.clients.size);
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
      socket.send(encodeEvent(event));
    };
    // Sends what the store holds after the last `seq` sent, page by page as the socket drains,
    // then what arrived meanwhile.
    const catchUp = () => {
      catchingUp = true;
      void replayHistory(this.options.store, session.instanceId, socket, () => lastSent, send, open)
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
    this.counts.add(caller);
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
    this.counts.remove(client.caller);
    client.unsubscribe();
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

/** What a socket that was closed at once answers to. */
const NO_CONNECTION: HubConnection = { onMessage: () => {}, onPong: () => {}, onClose: () => {} };

/** Unsent bytes past which a socket counts as no longer reading and is closed (1013). */
const MAX_UNREAD_BYTES = 16 * 1024 * 1024;
