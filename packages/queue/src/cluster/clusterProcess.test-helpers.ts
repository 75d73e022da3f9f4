// One process of the test cluster, started by `ClusterHarness`: an API server
// (CLUSTER_ROLE=api, it prints `{"port":N}` once listening) or a worker (CLUSTER_ROLE=worker,
// it prints `{"ready":true}`). SIGTERM closes it gracefully. CLUSTER_MAX_RUNS_PER_TENANT sets a
// worker's `limits.maxConcurrentRunsPerTenant`; an API server's caller is of the tenant that the
// `x-cluster-tenant` header names (none without it).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorkflowServer, PostgresStore } from '@flowloom/server-adapter';
import { attachWorkflowWebSocket, mountWorkflowApi } from '@flowloom/server-adapter/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createQueueRunner } from '../createQueueRunner';
import { createWorker } from '../createWorker';
import { createClusterRegistry } from './clusterRegistry.test-helpers';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset`);
  return value;
};

const registry = createClusterRegistry();
const store = new PostgresStore({
  connectionString: env('DATABASE_URL'),
  schema: env('CLUSTER_SCHEMA'),
});
const connection = env('REDIS_URL');
const queueName = env('CLUSTER_QUEUE');
const leaseMs = Number(process.env.CLUSTER_LEASE_MS ?? 30_000);
const limits = { minScheduleIntervalMs: 1_000 };
const perTenant = process.env.CLUSTER_MAX_RUNS_PER_TENANT;
const workerLimits =
  perTenant === undefined ? limits : { ...limits, maxConcurrentRunsPerTenant: Number(perTenant) };
const report = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

if (process.env.CLUSTER_ROLE === 'worker') {
  const worker = createWorker({
    registry,
    store,
    connection,
    queueName,
    concurrency: Number(process.env.CLUSTER_CONCURRENCY ?? 20),
    leaseMs,
    limits: workerLimits,
  });
  await worker.ready;
  report({ ready: true, pid: process.pid });
  process.once('SIGTERM', () => {
    void worker
      .close({ graceMs: 1_000 })
      .then(() => store.close())
      .then(() => process.exit(0));
  });
} else {
  const runner = createQueueRunner({ connection, store, queueName, registry, limits });
  await runner.ready;
  const workflows = createWorkflowServer({
    store,
    registry,
    runner,
    limits,
    sandbox: false,
    triggers: { syncIntervalMs: 1_000 },
    // Never refuses: without the header the caller is the anonymous user of an open server.
    authenticate: (request) => {
      const tenant = request.headers.get('x-cluster-tenant');
      return tenant ? { id: `user-${tenant}`, tenant_id: tenant } : { id: 'anonymous' };
    },
  });
  const app = new Hono();
  mountWorkflowApi(app, workflows);
  const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  const webSocket = attachWorkflowWebSocket(http, workflows);
  await new Promise<void>((resolve) => {
    if (http.listening) resolve();
    else http.once('listening', () => resolve());
  });
  await workflows.triggersReady;
  report({ port: (http.address() as AddressInfo).port, pid: process.pid });
  process.once('SIGTERM', () => {
    void (async () => {
      await webSocket.close();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await workflows.close({ graceMs: 1_000 });
      await runner.close();
      await store.close();
      process.exit(0);
    })();
  });
}
