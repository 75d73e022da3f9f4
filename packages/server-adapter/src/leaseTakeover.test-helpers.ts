// A workflow server in a process of its own, for leaseTakeover.test.ts, which races several of
// them over one store and kills one mid-run:
//
//   node --import tsx leaseTakeover.test-helpers.ts <store> <executions file> <mode>
//
// <store> is `sqlite:<file>` or `postgres:<schema>` (on DATABASE_URL). <mode> is `sweep` (on the
// IPC message `go`, it takes over orphaned runs at start and every 100 ms) or `start:<id>` (it
// starts that instance and takes nothing over). LEASE_MS sets the lease. It prints `STARTED` once
// its run started, `READY <resumed>` once its start-up pass is done. Each `tick` step appends
// `<instance_id> <step_id> <pid> <idempotency_key>` to the executions file when it starts.
import { appendFileSync } from 'node:fs';
import {
  builtinComponents,
  ComponentRegistry,
  defineComponent,
  type WorkflowStore,
} from '@flowloom/core';
import { createWorkflowServer } from './createWorkflowServer';
import { PostgresStore } from './stores/PostgresStore';
import { SqliteStore } from './stores/SqliteStore';

const [storeSpec, executionsPath, mode] = process.argv.slice(2);
if (!storeSpec || !executionsPath || !mode) {
  throw new Error('Usage: <sqlite:file|postgres:schema> <executions> <sweep|start:id>');
}

const registry = new ComponentRegistry({
  components: [
    ...builtinComponents,
    defineComponent({
      type: 'tick',
      name: 'Tick',
      category: 'utilities',
      parameters: [{ name: 'ms', label: 'Milliseconds', type: 'number', default: 50 }],
      async execute({ instance_id, step_id, idempotency_key, input_data, signal }) {
        appendFileSync(
          executionsPath,
          `${instance_id} ${step_id} ${process.pid} ${idempotency_key}\n`,
        );
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

function openStore(spec: string): WorkflowStore {
  if (spec.startsWith('sqlite:')) return new SqliteStore(spec.slice('sqlite:'.length));
  return new PostgresStore({
    connectionString: process.env.DATABASE_URL!,
    schema: spec.slice('postgres:'.length),
  });
}

function serve() {
  return createWorkflowServer({
    store: openStore(storeSpec!),
    registry,
    sandbox: false,
    waker: false,
    resumeOnStart: mode === 'sweep',
    leaseMs: Number(process.env.LEASE_MS ?? 30_000),
    leaseSweepMs: 100,
    // Past 15 runs at once a process waits for a slot: the runs spread over the processes.
    limits: { maxConcurrentRuns: 15 },
    logger: { info() {}, warn: (message) => console.error(message), error: console.error },
  });
}

if (mode === 'sweep') {
  process.on('message', (message) => {
    if (message !== 'go') return;
    const server = serve();
    void server.ready.then(({ resumed }) => console.log(`READY ${resumed}`));
    process.once('SIGTERM', () => {
      void server
        .close({ graceMs: 5_000 })
        .then(() => server.store.close())
        .finally(() => process.exit(0));
    });
  });
  process.send?.('loaded');
} else {
  const server = serve();
  void server.engine.startWorkflow(mode.slice('start:'.length)).then(() => console.log('STARTED'));
}
