import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientResult } from './clientTypes';
import { proxyHint, type SubscriptionSettings, subscribeToInstance } from './subscribeToInstance';

/** A WebSocket double: the test opens or drops it. */
class FakeSocket {
  static made: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: (() => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }

  open(): void {
    this.onopen?.();
  }

  drop(): void {
    this.onerror?.();
    this.onclose?.();
  }

  close(): void {}
}

const reachable: ClientResult<unknown> = { success: true, data: {} };
const unreachable: ClientResult<unknown> = {
  success: false,
  error: { code: 'NETWORK_ERROR', status: 0, message: 'offline' },
};

function settings(check: ClientResult<unknown>): SubscriptionSettings {
  return {
    baseUrl: 'http://localhost:5173/api/workflow',
    WebSocket: FakeSocket,
    getToken: () => 'secret-token',
    reconnectDelayMs: 100,
    maxReconnectDelayMs: 1_000,
    checkAccess: async () => check,
  };
}

const settle = () => vi.advanceTimersByTimeAsync(0);
const lastSocket = () => FakeSocket.made.at(-1)!;
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  FakeSocket.made = [];
  vi.useFakeTimers();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the dev-proxy hint', () => {
  it('warns once when the socket never opens while the API answers over HTTP', async () => {
    const stop = subscribeToInstance(settings(reachable), 'inst_1', () => {});
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await settle();
      lastSocket().drop();
      await vi.advanceTimersByTimeAsync(2_000);
    }
    stop();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/ws: true/);
    expect(warn.mock.calls[0]?.[0]).toContain('ws://localhost:5173/api/workflow/ws/inst_1');
  });

  it('never puts the token in the hint', async () => {
    const stop = subscribeToInstance(settings(reachable), 'inst_1', () => {});
    await settle();
    lastSocket().drop();
    await settle();
    stop();
    expect(lastSocket().url).toContain('secret-token');
    expect(String(warn.mock.calls[0]?.[0])).not.toContain('secret-token');
  });

  it('says nothing when a socket that had opened drops', async () => {
    const stop = subscribeToInstance(settings(reachable), 'inst_1', () => {});
    await settle();
    lastSocket().open();
    lastSocket().drop();
    await settle();
    stop();
    expect(warn).not.toHaveBeenCalled();
  });

  it('says nothing when HTTP fails too (the server is down, not the proxy)', async () => {
    const stop = subscribeToInstance(settings(unreachable), 'inst_1', () => {});
    await settle();
    lastSocket().drop();
    await settle();
    stop();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('proxyHint', () => {
  it('names the socket address and the proxy setting', () => {
    expect(proxyHint('https://app.test/api/workflow', 'inst 1')).toMatch(
      /^\[flowloom\] The WebSocket wss:\/\/app\.test\/api\/workflow\/ws\/inst%201 did not open[\s\S]*ws: true/,
    );
  });
});
