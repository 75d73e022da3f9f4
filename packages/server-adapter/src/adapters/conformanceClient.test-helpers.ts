import { connect as connectTcp } from 'node:net';
import type { ExecutionEvent, WorkflowDataInput } from '@flowloom/core';
import { type ClientOptions, WebSocket } from 'ws';
import type { AuthenticateHook } from '../auth/authTypes';

/** Longest any single wait in the suite lasts before it fails with a message saying what for. */
export const WAIT_MS = 3_000;

/** manual_trigger → log → delay → log. */
export function workflow(delayMs = 50): WorkflowDataInput {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      { id: 'first', type: 'log', data: { parameters: { message: 'first line' } } },
      { id: 'wait', type: 'delay', data: { parameters: { ms: delayMs } } },
      { id: 'second', type: 'log', data: { parameters: { message: 'second line' } } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'first' },
      { id: 'e2', source: 'first', target: 'wait' },
      { id: 'e3', source: 'wait', target: 'second' },
    ],
  };
}

/** Users named by an `x-user` header, or by a bearer token (what `?token=` becomes). */
export const usersFromHeaders: AuthenticateHook = (request) => {
  const bearer = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
  const id = request.headers.get('x-user') ?? bearer;
  return id ? { id } : null;
};

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field
  body: any;
}

export interface CallOptions {
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

/** One HTTP request with the global `fetch`, failing with a clear message when unanswered. */
export async function call(
  method: string,
  url: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(WAIT_MS),
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch (error) {
    throw new Error(`${method} ${url} got no answer within ${WAIT_MS} ms: ${error}`, {
      cause: error,
    });
  }
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** Rejects with `what` when `promise` takes longer than {@link WAIT_MS}. */
export function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${WAIT_MS} ms: ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type Message = Record<string, unknown>;

/** A `ws` client that records every message from the moment it is made. */
export class WatchedSocket {
  readonly socket: WebSocket;
  readonly messages: Message[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly url: string,
    options?: ClientOptions,
  ) {
    this.socket = new WebSocket(url, options);
    this.socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Message);
      for (const check of [...this.waiters]) check();
    });
    this.opened = within(
      new Promise((resolve, reject) => {
        this.socket.once('open', () => resolve());
        this.socket.once('unexpected-response', (_request, response) =>
          reject(new Error(`${url} was refused with ${response.statusCode}`)),
        );
        this.socket.once('error', reject);
      }),
      `the WebSocket ${url} to open`,
    );
    this.closed = new Promise((resolve) => {
      this.socket.once('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        for (const check of [...this.waiters]) check();
      });
    });
    // Failures surface through `opened`; this keeps an error after a refusal from going unhandled.
    this.socket.on('error', () => {});
  }

  /** The execution events received, in arrival order. */
  get events(): ExecutionEvent[] {
    return this.messages.filter((message) => 'seq' in message) as unknown as ExecutionEvent[];
  }

  get seqs(): number[] {
    return this.events.map((event) => event.seq);
  }

  /** Resolves when `done` holds; fails when the socket closes first or the wait runs out. */
  waitFor(what: string, done: (socket: WatchedSocket) => boolean): Promise<void> {
    return within(
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (done(this)) {
            this.waiters.delete(check);
            resolve();
          } else if (this.socket.readyState >= WebSocket.CLOSING) {
            this.waiters.delete(check);
            reject(new Error(`${this.url} closed before ${what}`));
          }
        };
        this.waiters.add(check);
        check();
      }),
      `${what} on ${this.url} (got seq ${this.seqs.join(',') || 'none'})`,
    );
  }

  /** Waits for the run's end event. */
  waitForEnd(): Promise<void> {
    return this.waitFor('the execution_completed event', (watched) =>
      watched.events.some((event) => event.event_type === 'execution_completed'),
    );
  }

  /**
   * A barrier: the server answers the text `ping` in order with what it sent before, so once the
   * pong is here nothing sent earlier is still on its way.
   */
  async roundTrip(): Promise<void> {
    const pongs = () => this.messages.filter((message) => message.type === 'pong').length;
    const before = pongs();
    this.socket.send('ping');
    await this.waitFor('the pong', () => pongs() > before);
  }
}

/** Sends raw bytes to `baseUrl`'s port and resolves with everything the server answers. */
export function rawExchange(baseUrl: string, request: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return within(
    new Promise((resolve, reject) => {
      const socket = connectTcp(Number(port), hostname, () => socket.end(request));
      let answer = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        answer += chunk;
      });
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    }),
    `an answer to a raw request to ${baseUrl}`,
  );
}

/** `[from, from + 1, ..., to]`; empty when `to < from`. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
}
