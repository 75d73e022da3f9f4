import {
  builtinComponents,
  ComponentRegistry,
  type ExecutionStatus,
  isFinalInstanceStatus,
  MemoryStore,
  type WorkflowDataInput,
  type WorkflowInstance,
} from '@flowloom/core';
import { expect, type Mock, vi } from 'vitest';
import type { AuthenticateHook } from '../auth/authTypes';
import {
  createWorkflowServer,
  type WorkflowServer,
  type WorkflowServerOptions,
} from '../createWorkflowServer';
import type { RequestContext } from './apiEnv';

/** The base path every test server uses (the default one). */
export const BASE_PATH = '/api/workflow';

/** A parsed JSON answer, read field by field in assertions. */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and assert them.
export type Json = any;

/** An answer as the tests read it. */
export interface TestResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body; the raw text when it is not JSON; `null` when empty. */
  body: Json;
}

/** A logger whose calls the tests can inspect. */
export interface SpyLogger {
  info: Mock<(message: string) => void>;
  warn: Mock<(message: string) => void>;
  error: Mock<(message: string, error: unknown) => void>;
}

/** A server made for one test, with its request helper. */
export interface TestServer {
  server: WorkflowServer;
  logger: SpyLogger;
  /**
   * Sends a request to `BASE_PATH + path` through `server.fetch`. A string body is sent as is
   * (for bad JSON); anything else is JSON-encoded.
   */
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    context?: RequestContext,
  ): Promise<TestResponse>;
}

const openServers = new Set<WorkflowServer>();

/** A logger that writes nothing and records every call. */
export function createSpyLogger(): SpyLogger {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

/** A fresh registry with the built-in components (never the shared default registry). */
export function createBuiltinRegistry(): ComponentRegistry {
  return new ComponentRegistry({ components: builtinComponents });
}

/**
 * A server with a silent spy logger, a fresh built-in registry and a `MemoryStore` unless the
 * options say otherwise. Close it with {@link closeTestServers} in `afterEach`.
 */
export function createTestServer(options: WorkflowServerOptions = {}): TestServer {
  const logger = createSpyLogger();
  const server = createWorkflowServer({
    logger,
    ...options,
    registry: options.registry ?? options.engine?.registry ?? createBuiltinRegistry(),
    store: options.store ?? options.engine?.store ?? new MemoryStore(),
  });
  openServers.add(server);
  return { server, logger, request: (...args) => sendRequest(server, ...args) };
}

/** Closes every server made by {@link createTestServer}. */
export async function closeTestServers(): Promise<void> {
  const servers = [...openServers];
  openServers.clear();
  // No grace: a test's runs are not waited for, they are left interrupted.
  await Promise.all(servers.map((server) => server.close({ graceMs: 0 })));
}

/**
 * The routes of a server's Hono app, one `{ method, path }` each (path under the base path, with
 * Hono's `:param` placeholders), the catch-all middleware left out.
 */
export function apiRoutesOf(server: WorkflowServer): Array<{ method: string; path: string }> {
  const routes = new Map<string, { method: string; path: string }>();
  for (const { method, path } of server.app.routes) {
    if (method === 'ALL') continue;
    routes.set(`${method} ${path}`, { method, path: path.slice(server.basePath.length) });
  }
  return [...routes.values()];
}

/** Sends one request through a server's handler and reads the answer. */
export async function sendRequest(
  server: WorkflowServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  context?: RequestContext,
): Promise<TestResponse> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json', ...headers };
  }
  const response = await server.fetch(
    new Request(`http://test${server.basePath}${path}`, init),
    context,
  );
  return readResponse(response);
}

/** Reads an answer's status, headers and body (JSON parsed when it is JSON). */
export async function readResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let body: Json = text === '' ? null : text;
  if (text !== '' && response.headers.get('content-type')?.includes('application/json')) {
    body = JSON.parse(text);
  }
  return { status: response.status, headers: response.headers, body };
}

/** Who a request comes from, for {@link headerAuthenticate}. */
export function asUser(id: string): Record<string, string> {
  return { 'x-user-id': id };
}

/** An `authenticate` hook reading the user id from the `x-user-id` header; none → 401. */
export const headerAuthenticate: AuthenticateHook = (request) => {
  const id = request.headers.get('x-user-id');
  return id ? { id } : null;
};

/** Manual trigger → log `message` (which may hold expressions). */
export function logWorkflow(message = 'Hello {{ input.who }}'): WorkflowDataInput {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
      { id: 'say', type: 'log', position: { x: 200, y: 0 }, data: { parameters: { message } } },
    ],
    edges: [{ id: 'start-say', source: 'start', target: 'say' }],
  };
}

/** Manual trigger → transform → log: three steps that finish at once. */
export function threeStepWorkflow(): WorkflowDataInput {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      {
        id: 'shape',
        type: 'transform',
        data: { parameters: { mapping: { greeting: 'Hi {{ input.who }}' } } },
      },
      { id: 'say', type: 'log', data: { parameters: { message: '{{ steps.shape.greeting }}' } } },
    ],
    edges: [
      { id: 'start-shape', source: 'start', target: 'shape' },
      { id: 'shape-say', source: 'shape', target: 'say' },
    ],
  };
}

/** Manual trigger → a delay of `ms`: a run that stays running until stopped. */
export function delayWorkflow(ms = 60_000): WorkflowDataInput {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      { id: 'wait', type: 'delay', data: { parameters: { ms } } },
    ],
    edges: [{ id: 'start-wait', source: 'start', target: 'wait' }],
  };
}

/**
 * A well-formed document with three errors: an unknown component type, an edge into a missing
 * node and a log step without its required message.
 */
export function invalidWorkflow(): WorkflowDataInput {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      { id: 'say', type: 'log', data: { parameters: {} } },
      { id: 'ghost', type: 'no_such_component' },
    ],
    edges: [
      { id: 'start-say', source: 'start', target: 'say' },
      { id: 'say-missing', source: 'say', target: 'missing' },
    ],
  };
}

/** The `error.issues` {@link invalidWorkflow} is answered with on `POST /instances`. */
export const INVALID_WORKFLOW_ISSUES = [
  { path: 'workflow_data.ghost.type', message: 'Unknown component type "no_such_component"' },
  {
    path: 'workflow_data.say-missing.target',
    message: 'Edge "say-missing" enters unknown node "missing"',
  },
  { path: 'workflow_data.say.message', message: 'Message is required' },
];

/** Creates an instance through the API and returns it (asserting the 201). */
export async function createInstanceVia(
  { request }: TestServer,
  workflow_data: WorkflowDataInput,
  headers: Record<string, string> = {},
  name = 'Test instance',
): Promise<WorkflowInstance> {
  const response = await request('POST', '/instances', { name, workflow_data }, headers);
  expect(response.status).toBe(201);
  return response.body;
}

/** Starts an instance through the API (asserting the 202). */
export async function executeVia(
  { request }: TestServer,
  instanceId: string,
  input_data: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<void> {
  const response = await request(
    'POST',
    `/instances/${instanceId}/execute`,
    { input_data },
    headers,
  );
  expect(response.status).toBe(202);
}

/**
 * Polls `GET /instances/{id}/status` until the run is final, a few milliseconds apart, and fails
 * after `maxPolls` tries.
 */
export async function waitForFinalStatus(
  { request }: TestServer,
  instanceId: string,
  headers: Record<string, string> = {},
  maxPolls = 400,
): Promise<ExecutionStatus> {
  for (let poll = 0; poll < maxPolls; poll += 1) {
    const response = await request('GET', `/instances/${instanceId}/status`, undefined, headers);
    expect(response.status).toBe(200);
    if (isFinalInstanceStatus(response.body.status)) return response.body;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Instance ${instanceId} did not finish after ${maxPolls} polls`);
}

/** A request body of `size` bytes streamed in 1 KiB chunks, with no content-length. */
export function streamedBody(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) {
        controller.close();
        return;
      }
      const chunk = new Uint8Array(Math.min(1024, size - sent)).fill(0x20);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}
