import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PostgresStore } from '@flowloom/server-adapter';
import { Pool } from 'pg';

const PROCESS_SCRIPT = fileURLToPath(new URL('./clusterProcess.test-helpers.ts', import.meta.url));
/** Child processes run the sources (core, server-adapter, queue) through tsx, as the tests do. */
const TSCONFIG = fileURLToPath(new URL('../../tsconfig.cluster.json', import.meta.url));

/** One process of the cluster. */
export interface ClusterProcess {
  role: 'api' | 'worker';
  child: ChildProcess;
  pid: number;
  /** An API server's base URL (`http://127.0.0.1:<port>/api/workflow`). */
  url?: string;
  port?: number;
}

/** Options of {@link ClusterHarness}. */
export interface ClusterHarnessOptions {
  databaseUrl: string;
  redisUrl: string;
  queueName: string;
  leaseMs: number;
  /** The workers' `limits.maxConcurrentRunsPerTenant`; unset: unlimited. */
  maxRunsPerTenant?: number;
}

/**
 * Starts and stops the processes of a test cluster (API servers and workers) on one fresh
 * PostgreSQL schema and one queue, and gives the test a store of its own on that schema.
 */
export class ClusterHarness {
  readonly schema = `flowloom_cluster_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  readonly processes: ClusterProcess[] = [];
  readonly store: PostgresStore;
  private readonly pool: Pool;

  constructor(private readonly options: ClusterHarnessOptions) {
    this.pool = new Pool({ connectionString: options.databaseUrl, max: 4 });
    this.store = new PostgresStore({ pool: this.pool, schema: this.schema });
  }

  /** Creates the schema once, before any process starts (they would race to). */
  async migrate(): Promise<void> {
    await this.store.migrate();
  }

  /** Starts a process and resolves once it says it is ready. */
  async start(role: 'api' | 'worker', timeoutMs = 60_000): Promise<ClusterProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', PROCESS_SCRIPT], {
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: TSCONFIG,
        CLUSTER_ROLE: role,
        CLUSTER_SCHEMA: this.schema,
        CLUSTER_QUEUE: this.options.queueName,
        CLUSTER_LEASE_MS: String(this.options.leaseMs),
        DATABASE_URL: this.options.databaseUrl,
        REDIS_URL: this.options.redisUrl,
        ...(this.options.maxRunsPerTenant === undefined
          ? {}
          : { CLUSTER_MAX_RUNS_PER_TENANT: String(this.options.maxRunsPerTenant) }),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! });
    const ready = await new Promise<{ pid: number; port?: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${role} did not start`)), timeoutMs);
      child.once('exit', (code) => reject(new Error(`${role} exited (${code}) before ready`)));
      lines.on('line', (line) => {
        try {
          const parsed = JSON.parse(line) as { pid: number; port?: number };
          clearTimeout(timer);
          resolve(parsed);
        } catch {
          // Not the ready line: the process's own output.
        }
      });
    });
    const started: ClusterProcess = { role, child, pid: ready.pid };
    if (ready.port !== undefined) {
      started.port = ready.port;
      started.url = `http://127.0.0.1:${ready.port}/api/workflow`;
    }
    this.processes.push(started);
    return started;
  }

  /** Kills a process outright (SIGKILL): no shutdown, its runs left as they were. */
  async kill(target: ClusterProcess): Promise<void> {
    const exited = new Promise((resolve) => target.child.once('exit', resolve));
    target.child.kill('SIGKILL');
    await exited;
    this.processes.splice(this.processes.indexOf(target), 1);
  }

  /** Stops every process (SIGTERM, then SIGKILL after 10 s) and drops the schema. */
  async close(): Promise<void> {
    await Promise.all(
      this.processes.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    this.processes.length = 0;
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.pool.end();
  }
}
