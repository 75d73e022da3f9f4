import type { ExecutionEvent } from '@flowloom/core';
import type {
  ClientError,
  ClientResult,
  SubscribeOptions,
  WebSocketLike,
  WorkflowClientOptions,
} from './clientTypes';
import { ClientErrorCode, resolveUrl } from './requestJson';

/** What a subscription needs from its client. */
export interface SubscriptionSettings
  extends Pick<WorkflowClientOptions, 'WebSocket' | 'getToken'> {
  /** The API's base, without a trailing slash. */
  baseUrl: string;
  /** First reconnect delay in ms. */
  reconnectDelayMs: number;
  /** Longest reconnect delay in ms. */
  maxReconnectDelayMs: number;
  /** Reads the instance over HTTP: tells a refusal for good (401, 403, 404) from a passing failure. */
  checkAccess: (instanceId: string) => Promise<ClientResult<unknown>>;
}

/** Statuses that retrying will not change: the subscription ends and `onError` is told. */
const FINAL_STATUSES: ReadonlySet<number> = new Set([401, 403, 404]);

/**
 * Streams an instance's events over `ws(s)://<host><baseUrl>/ws/<instanceId>?since=<seq>`, in
 * `seq` order, reconnecting with exponential backoff and resuming after the last `seq` seen.
 *
 * @remarks A browser can't read why an upgrade was refused, so after a dropped or refused
 * socket the instance is read over HTTP first: a 401, 403 or 404 ends the subscription (through
 * `onError`); anything else is retried. After unsubscribing no callback is called again.
 * @returns a function that closes the subscription.
 */
export function subscribeToInstance(
  settings: SubscriptionSettings,
  instanceId: string,
  onEvent: (event: ExecutionEvent) => void,
  options: SubscribeOptions = {},
): () => void {
  let lastSeq = options.since ?? 0;
  let stopped = false;
  let connected = false;
  let failures = 0;
  let hinted = false;
  let socket: WebSocketLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setConnected = (value: boolean) => {
    if (connected === value) return;
    connected = value;
    options.onConnectionChange?.(value);
  };

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    const open = socket;
    socket = undefined;
    try {
      open?.close(1000);
    } catch {
      // Already closing: nothing left to stop.
    }
  };

  const fail = (error: ClientError) => {
    stop();
    options.onError?.(error);
  };

  const deliver = (data: unknown) => {
    const event = parseEvent(data);
    // `{"type":"pong"}` and anything else that is no event is not for the listener.
    if (!event || event.seq <= lastSeq) return;
    lastSeq = event.seq;
    try {
      onEvent(event);
    } catch (error) {
      // A throwing listener must not stop the events after it: report it the way a browser does.
      setTimeout(() => {
        throw error;
      });
    }
  };

  const scheduleRetry = async (neverOpened = false) => {
    const check = await settings.checkAccess(instanceId);
    if (stopped) return;
    if (!check.success && FINAL_STATUSES.has(check.error.status)) {
      fail(check.error);
      return;
    }
    if (neverOpened && check.success && !hinted) {
      // HTTP reaches the API but the upgrade never does: the usual cause is a dev server's
      // proxy without WebSocket forwarding. Said once per subscription; retries go on.
      hinted = true;
      console.warn(proxyHint(settings.baseUrl, instanceId));
    }
    const delay = backoffDelay(failures, settings.reconnectDelayMs, settings.maxReconnectDelayMs);
    failures += 1;
    timer = setTimeout(() => void connect(), delay);
  };

  const connect = async () => {
    const Socket = settings.WebSocket ?? globalThis.WebSocket;
    if (!Socket) {
      fail(networkError('No WebSocket implementation: pass `WebSocket` in the client options'));
      return;
    }
    let token: string | null | undefined;
    try {
      token = await settings.getToken?.();
    } catch {
      // Getting a token may itself need the network: a passing failure, tried again later.
      if (!stopped) void scheduleRetry();
      return;
    }
    if (stopped) return;
    let current: WebSocketLike;
    try {
      current = new Socket(socketUrl(settings.baseUrl, instanceId, lastSeq, token));
    } catch (error) {
      fail(
        networkError(`The WebSocket could not be opened: ${(error as Error)?.message ?? error}`),
      );
      return;
    }
    socket = current;
    let opened = false;
    const failuresBefore = failures;
    current.onopen = () => {
      if (socket !== current) return;
      opened = true;
      failures = 0;
      setConnected(true);
    };
    current.onmessage = (message: { data: unknown }) => {
      if (socket === current) deliver(message.data);
    };
    // The close that follows an error decides what to do; the listener keeps Node's `ws` quiet.
    current.onerror = () => {};
    current.onclose = (event: { code?: number }) => {
      if (socket !== current) return;
      socket = undefined;
      setConnected(false);
      // Closed at once for a limit (1008: too many open WebSockets): it did not really open,
      // so back off as after a failure instead of starting over.
      if (event?.code === POLICY_VIOLATION) failures = failuresBefore;
      void scheduleRetry(!opened);
    };
  };

  void connect();
  return () => {
    if (!stopped) stop();
  };
}

/** The close code of a socket the server refused past a limit. */
const POLICY_VIOLATION = 1008;

/** The socket's URL: the base resolved to ws(s), with `since` and, if any, the token. */
export function socketUrl(
  baseUrl: string,
  instanceId: string,
  since: number,
  token?: string | null,
): string {
  const base = resolveUrl(baseUrl);
  if (!URL.canParse(base)) {
    throw new Error(`baseUrl "${baseUrl}" is relative and there is no page to resolve it against`);
  }
  const url = new URL(`${base}/ws/${encodeURIComponent(instanceId)}`);
  url.protocol =
    url.protocol === 'https:' ? 'wss:' : url.protocol === 'http:' ? 'ws:' : url.protocol;
  url.searchParams.set('since', String(since));
  if (token) url.searchParams.set('token', token);
  return url.href;
}

/**
 * The console hint for a socket that never opened while HTTP works. It names the socket's
 * address without its query, which may carry a token.
 */
export function proxyHint(baseUrl: string, instanceId: string): string {
  const url = new URL(socketUrl(baseUrl, instanceId, 0));
  return `[flowloom] The WebSocket ${url.origin}${url.pathname} did not open, though the API answers over HTTP, so runs show no live events. If a dev server proxies the API (Vite: server.proxy), give that proxy entry \`ws: true\` so WebSocket upgrades reach the API too. Otherwise the server may have refused it: the server's log or the upgrade's answer in the browser's network panel says why (429 TOO_MANY_CONNECTIONS: this user has limits.maxWebSocketsPerUser sockets open).`;
}

/**
 * The wait before reconnect number `failures + 1`: `base` doubled per failure up to `max`,
 * with "equal jitter" (half fixed, half random) so many clients don't reconnect at once.
 */
export function backoffDelay(failures: number, base: number, max: number): number {
  const ceiling = Math.min(max, base * 2 ** failures);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function parseEvent(data: unknown): ExecutionEvent | undefined {
  if (typeof data !== 'string') return undefined;
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return undefined;
  }
  const candidate = message as Partial<ExecutionEvent> | null;
  if (
    typeof candidate?.seq !== 'number' ||
    typeof candidate.event_type !== 'string' ||
    typeof candidate.instance_id !== 'string'
  ) {
    return undefined;
  }
  return candidate as ExecutionEvent;
}

function networkError(message: string): ClientError {
  return { code: ClientErrorCode.NETWORK_ERROR, status: 0, message };
}
