import {
  ExecutionEngine,
  type ExecutionEvent,
  type ExecutionEventListener,
  MemoryStore,
  type WorkflowDataInput,
  type WorkflowStore,
} from '@flowloom/core';
import { expect, vi } from 'vitest';
import { AccessControl } from '../auth/AccessControl';
import type { AuthenticateHook } from '../auth/authTypes';
import type { RateLimiter } from '../rateLimit/RateLimiter';
import { type EventSource, type HubSession, WebSocketHub } from './WebSocketHub';
import { WEBSOCKET_OPEN, type WebSocketLike } from './WebSocketLike';

/** manual_trigger → log → log: a run of a handful of events, with no timers. */
const WORKFLOW: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'first', type: 'log', data: { parameters: { message: 'first line' } } },
    { id: 'second', type: 'log', data: { parameters: { message: 'second line' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'first' },
    { id: 'e2', source: 'first', target: 'second' },
  ],
};

/** A socket double: records what the hub sends and how it ends the connection. */
export class FakeSocket implements WebSocketLike {
  readyState = WEBSOCKET_OPEN;
  readonly sent: string[] = [];
  closedWith: { code: number | undefined; reason: string | undefined } | undefined;
  terminated = false;
  pings = 0;
  /** Called on each ping; a live client answers it. */
  onPing: () => void = () => {};

  send(data: string): void {
    if (this.readyState !== WEBSOCKET_OPEN) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }
  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }
  ping(): void {
    this.pings += 1;
    this.onPing();
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
  /** The execution events received, parsed. */
  get events(): ExecutionEvent[] {
    return this.sent.map((text) => JSON.parse(text) as ExecutionEvent);
  }
  get seqs(): number[] {
    return this.events.map((event) => event.seq);
  }
}

/** An event source over the engine that counts live subscriptions. */
export class CountingSource implements EventSource {
  active = 0;
  constructor(private readonly engine: ExecutionEngine) {}
  subscribe(instanceId: string, listener: ExecutionEventListener): () => void {
    this.active += 1;
    const off = this.engine.subscribe(instanceId, listener);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.active -= 1;
      off();
    };
  }
}

/** Options of {@link setupHub}. */
export interface HubSetupOptions {
  authenticate?: AuthenticateHook;
  allowedOrigins?: readonly string[];
  heartbeatMs?: number;
  limiter?: RateLimiter;
  store?: WorkflowStore;
  maxSocketsPerCaller?: number;
  maxSockets?: number;
}

const hubs: WebSocketHub[] = [];

/** Closes every hub {@link setupHub} made; call it in `afterEach`. */
export function closeHubs(): void {
  for (const hub of hubs.splice(0)) hub.close();
}

/** A hub over a real engine and MemoryStore, with a spy reporter. */
export function setupHub(options: HubSetupOptions = {}) {
  const store = options.store ?? new MemoryStore();
  const engine = new ExecutionEngine({ store });
  const source = new CountingSource(engine);
  const reporter = { error: vi.fn() };
  const hub = new WebSocketHub({
    basePath: '/api/workflow',
    events: source,
    store,
    access: new AccessControl(options.authenticate, undefined),
    limiter: options.limiter,
    allowedOrigins: options.allowedOrigins,
    heartbeatMs: options.heartbeatMs,
    reporter,
    maxSocketsPerCaller: options.maxSocketsPerCaller,
    maxSockets: options.maxSockets,
  });
  hubs.push(hub);
  const createInstance = (created_by = 'anonymous') =>
    engine.createInstance({ name: 'Hub test', workflow_data: WORKFLOW, created_by });
  const session = (instanceId: string, since = 0): HubSession => ({
    instanceId,
    user: { id: 'anonymous' },
    since,
  });
  return { store, engine, source, hub, reporter, createInstance, session };
}

/** Resolves once `check` passes, retrying on real timers; fails after 2 s saying `what`. */
export async function eventually(check: () => void, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${error}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** `[from, from + 1, ..., to]`. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** A promise with its resolver, for holding a store read back. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** The refusal of an upgrade, with its parsed error; fails when the upgrade was accepted. */
export async function refusalOf(hub: WebSocketHub, request: Request, clientIp?: string) {
  const decision = await hub.authorizeUpgrade(request, clientIp);
  expect(decision.ok, 'the upgrade to be refused').toBe(false);
  if (decision.ok) throw new Error('unreachable');
  return {
    status: decision.status,
    headers: decision.headers,
    error: JSON.parse(decision.body).error,
  };
}
