import type { Server } from 'node:http';
import {
  builtinComponents,
  ComponentRegistry,
  defineComponent,
  MemoryStore,
  type WorkflowDataInput,
} from '@flowloom/core';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { expect, vi } from 'vitest';
import { type Answer, call } from '../adapters/conformanceClient.test-helpers';
import { attachWorkflowWebSocket, mountWorkflowApi } from '../adapters/hono';
import { baseUrlOf, closeHttpServer, listening } from '../adapters/nodeHttpServer.test-helpers';
import type { WorkflowServerOptions } from '../createWorkflowServer';
import { closeTestServers, createTestServer } from '../http/testServer.test-helpers';

/** A clock the tests move by hand, for `wait` steps and the waker. */
export function createClock(start = Date.parse('2026-03-01T12:00:00.000Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** How many `probe` steps run at once, at most, and how many ran. */
export interface ProbeCounter {
  running: number;
  most: number;
  calls: number;
}

/**
 * The built-ins plus `probe`: it counts the probes running at once (the runs of a `for_each`
 * each run one), takes `ms` to finish, and fails for the value `fail_on`.
 */
export function createProbeRegistry(counter: ProbeCounter): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      ...builtinComponents,
      defineComponent({
        type: 'probe',
        name: 'Probe',
        category: 'utilities',
        parameters: [
          { name: 'value', label: 'Value', type: 'expression' },
          { name: 'fail_on', label: 'Fail on', type: 'expression' },
          { name: 'ms', label: 'Milliseconds', type: 'number', default: 5 },
        ],
        async execute({ input_data, signal }) {
          counter.calls += 1;
          counter.running += 1;
          counter.most = Math.max(counter.most, counter.running);
          try {
            await new Promise<void>((resolve, reject) => {
              const timer = setTimeout(resolve, input_data.ms);
              signal.addEventListener(
                'abort',
                () => {
                  clearTimeout(timer);
                  reject(signal.reason);
                },
                { once: true },
              );
            });
          } finally {
            counter.running -= 1;
          }
          if (input_data.fail_on !== undefined && input_data.fail_on === input_data.value) {
            return {
              success: false,
              error: { code: 'ITEM_BAD', message: `bad ${input_data.value}` },
            };
          }
          return { success: true, output_data: { value: input_data.value } };
        },
      }),
    ],
  });
}

/** A workflow server on 127.0.0.1 with the probe registry, and calls to its API. */
export async function serveControlFlow(options: WorkflowServerOptions = {}) {
  const counter: ProbeCounter = { running: 0, most: 0, calls: 0 };
  const clock = createClock();
  const t = createTestServer({
    registry: createProbeRegistry(counter),
    store: new MemoryStore(),
    sandbox: false,
    now: clock.now,
    waker: { intervalMs: 10 },
    ...options,
  });
  const app = new Hono();
  mountWorkflowApi(app, t.server);
  const served = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  const webSocket = attachWorkflowWebSocket(served, t.server);
  const httpServer = served as Server;
  await listening(httpServer);
  const baseUrl = baseUrlOf(httpServer);
  const api = `${baseUrl}/api/workflow`;
  const close = async (): Promise<void> => {
    await closeTestServers();
    await webSocket.close();
    await closeHttpServer(httpServer);
  };

  const request = (
    method: string,
    path: string,
    json?: unknown,
    headers?: Record<string, string>,
  ) => call(method, `${api}${path}`, json === undefined ? { headers } : { json, headers });

  /** Saves a workflow; with `workflowId`, as a new version of it. Resolves with its id. */
  async function save(
    name: string,
    workflow_data: WorkflowDataInput,
    workflowId?: string,
    headers?: Record<string, string>,
  ): Promise<string> {
    const saved = await request(
      'POST',
      '/editor/save',
      { name, workflow_data, ...(workflowId ? { workflow_id: workflowId } : {}) },
      headers,
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body.workflow_id;
  }

  /** Creates an instance (of a document or a saved workflow) and executes it; its id. */
  async function run(
    what: { workflow_data: WorkflowDataInput } | { workflow_id: string },
    input_data: Record<string, unknown> = {},
    headers?: Record<string, string>,
  ): Promise<string> {
    const created = await request('POST', '/instances', { name: 'Run', ...what }, headers);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id: string = created.body.instance_id;
    const executed = await request('POST', `/instances/${id}/execute`, { input_data }, headers);
    expect(executed.status, JSON.stringify(executed.body)).toBe(202);
    return id;
  }

  /** Polls `GET /status` until its status is one of `statuses`; the last answer. */
  async function statusOnce(
    id: string,
    statuses: readonly string[],
    headers?: Record<string, string>,
  ): Promise<Answer['body']> {
    return vi.waitFor(
      async () => {
        const status = await request('GET', `/instances/${id}/status`, undefined, headers);
        expect(statuses).toContain(status.body.status);
        return status.body;
      },
      { timeout: 15_000, interval: 20 },
    );
  }

  /** The runs a run started, through `GET /instances?parent_instance_id=`. */
  async function childrenOf(id: string): Promise<Array<{ instance_id: string; status: string }>> {
    const listed = await request('GET', `/instances?parent_instance_id=${id}&limit=200`);
    expect(listed.status).toBe(200);
    return listed.body.instances;
  }

  return { t, api, baseUrl, counter, clock, request, save, run, statusOnce, childrenOf, close };
}

/** `manual_trigger` → the given nodes in a chain; multi-output steps follow `output`. */
export function chain(
  ...steps: Array<{ id: string; type: string; parameters?: Record<string, unknown> }>
) {
  const nodes = [
    { id: 'start', type: 'manual_trigger' },
    ...steps.map(({ id, type, parameters = {} }) => ({ id, type, data: { parameters } })),
  ];
  return {
    nodes,
    edges: nodes.slice(1).map((step, at) => ({
      id: `e${at}`,
      source: nodes[at]!.id,
      target: step.id,
      ...(MULTI_OUTPUT.has(nodes[at]!.type) ? { sourceHandle: 'output' } : {}),
    })),
  };
}

const MULTI_OUTPUT = new Set(['wait', 'sub_workflow', 'for_each']);
