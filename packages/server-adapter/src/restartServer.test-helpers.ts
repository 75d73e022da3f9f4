// A workflow server in a process of its own, for restartRecovery.test.ts, which stops it with
// SIGTERM or SIGKILL mid-run and starts a new one on the same SQLite file:
//
//   node --import tsx restartServer.test-helpers.ts <database> <executions file> <resume 0|1>
//
// It prints `LISTENING <port>` once it listens, `READY <resumed>` once its start-up resume is
// done, `CLOSING` as soon as SIGTERM began the shutdown, and `CLOSED` before it exits. Each
// `tick` step appends `<step_id> <idempotency_key>` to the executions file when it starts.
// LEASE_MS sets its run leases' length.
import { appendFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { builtinComponents, ComponentRegistry, defineComponent } from '@flowloom/core';
import { serve } from '@hono/node-server';
import { createWorkflowServer } from './createWorkflowServer';
import { SqliteStore } from './stores/SqliteStore';

const [databasePath, executionsPath, resume] = process.argv.slice(2);
if (!databasePath || !executionsPath) throw new Error('Usage: <database> <executions> <0|1>');

const registry = new ComponentRegistry({
  components: [
    ...builtinComponents,
    defineComponent({
      type: 'tick',
      name: 'Tick',
      category: 'utilities',
      parameters: [{ name: 'ms', label: 'Milliseconds', type: 'number', default: 300 }],
      async execute({ step_id, idempotency_key, input_data, signal }) {
        appendFileSync(executionsPath, `${step_id} ${idempotency_key}\n`);
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
        return { success: true, output_data: { ticked: step_id } };
      },
    }),
  ],
});

const store = new SqliteStore(databasePath);
const workflows = createWorkflowServer({
  store,
  registry,
  sandbox: false,
  resumeOnStart: resume === '1',
  // A killed process's runs are taken over once its lease expires: LEASE_MS keeps that short.
  leaseMs: Number(process.env.LEASE_MS ?? 30_000),
  logger: { info() {}, warn: (message) => console.error(message), error: console.error },
});
const httpServer = serve({
  fetch: (request) => workflows.fetch(request),
  port: 0,
  hostname: '127.0.0.1',
}) as Server;
httpServer.once('listening', () => {
  console.log(`LISTENING ${(httpServer.address() as AddressInfo).port}`);
});
void workflows.ready.then(({ resumed }) => console.log(`READY ${resumed}`));

process.once('SIGTERM', () => {
  const closed = workflows.close({ graceMs: 5_000 });
  console.log('CLOSING');
  void closed
    .then(async () => {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await store.close();
      console.log('CLOSED');
    })
    .finally(() => process.exit(0));
});
