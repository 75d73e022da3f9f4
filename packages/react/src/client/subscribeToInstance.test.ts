import type { ExecutionEvent } from '@flowloom/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientError, ClientResult } from './clientTypes';
import {
  backoffDelay,
  type SubscriptionSettings,
  socketUrl,
  subscribeToInstance,
} from './subscribeToInstance';

/** A WebSocket double the test drives: open it, send it messages, drop it. */
class FakeSocket {
  static made: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((event: { code?: number }) => void) | null = null;
  closedByClient = false;

  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }

  open(): void {
    this.onopen?.();
  }

  receive(data: unknown): void {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }

  drop(code = 1006): void {
    this.onerror?.();
    this.onclose?.({ code });
  }

  close(): void {
    this.closedByClient = true;
  }

  get since(): string | null {
    return new URL(this.url).searchParams.get('since');
  }
}

const event = (seq: number): ExecutionEvent => ({
  seq,
  event_type: 'log',
  instance_id: 'inst_1',
  step_id: 'a',
  timestamp: '2026-01-01T00:00:00.000Z',
  data: { level: 'info', message: `line ${seq}` },
});

const reachable: ClientResult<unknown> = { success: true, data: {} };

function settings(overrides: Partial<SubscriptionSettings> = {}): SubscriptionSettings {
  return {
    baseUrl: 'http://api.test/api/workflow',
    WebSocket: FakeSocket,
    reconnectDelayMs: 100,
    maxReconnectDelayMs: 1_000,
    checkAccess: vi.fn(async () => reachable),
    ...overrides,
  };
}

/** Lets the pending promise callbacks (token, access check) run. */
const settle = () => vi.advanceTimersByTimeAsync(0);
const lastSocket = () => FakeSocket.made.at(-1)!;

/** Ends the last socket with `end`, `attempts` times, and returns how long each reconnect took (ms). */
async function reconnectWaits(attempts: number, end: (socket: FakeSocket) => void) {
  const waits: number[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const before = FakeSocket.made.length;
    end(lastSocket());
    let waited = 0;
    while (FakeSocket.made.length === before) {
      await vi.advanceTimersByTimeAsync(10);
      waited += 10;
    }
    waits.push(waited);
  }
  return waits;
}

beforeEach(() => {
  FakeSocket.made = [];
  vi.useFakeTimers();
  // The top of each jitter range: waits are exactly base, 2 × base, ... capped at the maximum.
  vi.spyOn(Math, 'random').mockReturnValue(0.999_999);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('subscribeToInstance', () => {
  it('delivers events in seq order and skips those at or below the last seen', async () => {
    const seen: number[] = [];
    subscribeToInstance(settings(), 'inst_1', (e) => seen.push(e.seq));
    await settle();
    lastSocket().open();
    for (const seq of [1, 2, 2, 1, 3]) lastSocket().receive(event(seq));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('ignores pong answers, non-JSON text and messages that are no event', async () => {
    const seen: number[] = [];
    subscribeToInstance(settings(), 'inst_1', (e) => seen.push(e.seq));
    await settle();
    lastSocket().receive({ type: 'pong' });
    lastSocket().receive('not json');
    lastSocket().receive({ seq: 'one', event_type: 'log' });
    lastSocket().receive(event(1));
    expect(seen).toEqual([1]);
  });

  it('asks for the events after since and delivers none at or below it', async () => {
    const seen: number[] = [];
    subscribeToInstance(settings(), 'inst_1', (e) => seen.push(e.seq), { since: 5 });
    await settle();
    expect(lastSocket().since).toBe('5');
    lastSocket().receive(event(5));
    lastSocket().receive(event(6));
    expect(seen).toEqual([6]);
  });

  it('reconnects after a drop with since set to the last seq seen, reporting the connection', async () => {
    const connection: boolean[] = [];
    const seen: number[] = [];
    subscribeToInstance(settings(), 'inst_1', (e) => seen.push(e.seq), {
      onConnectionChange: (connected) => connection.push(connected),
    });
    await settle();
    lastSocket().open();
    lastSocket().receive(event(1));
    lastSocket().receive(event(2));
    lastSocket().drop();
    expect(connection).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.made).toHaveLength(2);
    expect(lastSocket().since).toBe('2');
    lastSocket().open();
    lastSocket().receive(event(2));
    lastSocket().receive(event(3));
    expect(seen).toEqual([1, 2, 3]);
    expect(connection).toEqual([true, false, true]);
  });

  it('doubles the wait after each failed attempt up to the maximum, and starts over once open', async () => {
    subscribeToInstance(settings(), 'inst_1', () => {});
    await settle();
    const waits = await reconnectWaits(6, (socket) => socket.drop());
    expect(waits).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    lastSocket().open();
    lastSocket().drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.made).toHaveLength(8);
  });

  it('backs off as after a failure when the server closes each socket at once with 1008 (a limit)', async () => {
    subscribeToInstance(settings(), 'inst_1', () => {});
    await settle();
    const waits = await reconnectWaits(4, (socket) => {
      socket.open();
      socket.drop(1008);
    });
    expect(waits).toEqual([100, 200, 400, 800]);
    // Any other close of an open socket starts over.
    lastSocket().open();
    lastSocket().drop(1013);
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.made).toHaveLength(6);
  });

  it('stops for good when the access check answers 404, telling onError', async () => {
    const missing: ClientError = { code: 'NOT_FOUND', message: 'gone', status: 404 };
    const errors: ClientError[] = [];
    subscribeToInstance(
      settings({ checkAccess: async () => ({ success: false, error: missing }) }),
      'inst_1',
      () => {},
      { onError: (error) => errors.push(error) },
    );
    await settle();
    lastSocket().drop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(errors).toEqual([missing]);
    expect(FakeSocket.made).toHaveLength(1);
  });

  it('keeps retrying while the access check fails for a passing reason', async () => {
    const offline: ClientError = { code: 'NETWORK_ERROR', message: 'offline', status: 0 };
    const errors: ClientError[] = [];
    subscribeToInstance(
      settings({ checkAccess: async () => ({ success: false, error: offline }) }),
      'inst_1',
      () => {},
      { onError: (error) => errors.push(error) },
    );
    await settle();
    lastSocket().drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.made).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('closes the socket on unsubscribe and neither reconnects nor calls back afterwards', async () => {
    const connection: boolean[] = [];
    const seen: number[] = [];
    const unsubscribe = subscribeToInstance(settings(), 'inst_1', (e) => seen.push(e.seq), {
      onConnectionChange: (connected) => connection.push(connected),
    });
    await settle();
    const socket = lastSocket();
    socket.open();
    unsubscribe();
    expect(socket.closedByClient).toBe(true);
    socket.receive(event(1));
    socket.drop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeSocket.made).toHaveLength(1);
    expect(seen).toEqual([]);
    expect(connection).toEqual([true]);
  });

  it('cancels a pending reconnect when unsubscribed during the wait', async () => {
    const unsubscribe = subscribeToInstance(settings(), 'inst_1', () => {});
    await settle();
    lastSocket().drop();
    await settle();
    unsubscribe();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(FakeSocket.made).toHaveLength(1);
  });

  it('passes the token of getToken as ?token=, asked again for each connection', async () => {
    let calls = 0;
    subscribeToInstance(settings({ getToken: async () => `token-${++calls}` }), 'inst_1', () => {});
    await settle();
    expect(new URL(lastSocket().url).searchParams.get('token')).toBe('token-1');
    lastSocket().drop();
    await vi.advanceTimersByTimeAsync(100);
    expect(new URL(lastSocket().url).searchParams.get('token')).toBe('token-2');
  });

  it('keeps delivering after a listener throws, and reports the error', async () => {
    const seen: number[] = [];
    subscribeToInstance(settings(), 'inst_1', (e) => {
      seen.push(e.seq);
      if (e.seq === 1) throw new Error('listener bug');
    });
    await settle();
    lastSocket().receive(event(1));
    lastSocket().receive(event(2));
    expect(seen).toEqual([1, 2]);
    await expect(vi.advanceTimersByTimeAsync(0)).rejects.toThrow('listener bug');
  });

  it('tells onError with NETWORK_ERROR when there is no WebSocket at all', async () => {
    const errors: ClientError[] = [];
    vi.stubGlobal('WebSocket', undefined);
    subscribeToInstance(settings({ WebSocket: undefined }), 'inst_1', () => {}, {
      onError: (error) => errors.push(error),
    });
    await settle();
    vi.unstubAllGlobals();
    expect(errors).toMatchObject([{ code: 'NETWORK_ERROR', status: 0 }]);
  });
});

describe('socketUrl', () => {
  it('maps http to ws and https to wss, with since, the token and an encoded id', () => {
    expect(socketUrl('http://api.test/api/workflow', 'inst 1', 4, 't k')).toBe(
      'ws://api.test/api/workflow/ws/inst%201?since=4&token=t+k',
    );
    expect(socketUrl('https://api.test/flow', 'i', 0)).toBe('wss://api.test/flow/ws/i?since=0');
  });

  it('resolves a relative base against the page location', () => {
    expect(socketUrl('/api/workflow', 'i', 0)).toBe(
      `ws://${window.location.host}/api/workflow/ws/i?since=0`,
    );
  });
});

describe('backoffDelay', () => {
  it('waits between half and all of base × 2^failures, capped at the maximum', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect([0, 1, 2, 10].map((failures) => backoffDelay(failures, 500, 10_000))).toEqual([
      250, 500, 1_000, 5_000,
    ]);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(backoffDelay(1, 500, 10_000)).toBe(750);
  });
});
