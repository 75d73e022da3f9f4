// Servers in processes of their own, for the tests that kill one mid-run and start another on
// the same store (restartRecovery, leaseTakeover, waits/approvalRestart): each test gets a
// temporary folder, and every process it started is killed after it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionEvent } from '@flowloom/core';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { SqliteStore } from './stores/SqliteStore';

const CORE_SOURCE = fileURLToPath(new URL('../../core/src/index.ts', import.meta.url));
const RESTART_SERVER = fileURLToPath(new URL('./restartServer.test-helpers.ts', import.meta.url));

/** A server process and the lines it printed. */
export interface ServerProcess {
  child: ChildProcess;
  /** Resolves once the process printed a line starting with `prefix`; with that line. */
  printed(prefix: string): Promise<string>;
  /** Resolves with the exit code once the process exited. */
  exited: Promise<number | null>;
  stderr(): string;
}

/** Options of {@link ServerProcesses.start}. */
export interface StartOptions {
  /** Variables added to the test's environment. */
  env?: Record<string, string>;
  /** Opens an IPC channel (`child.send`, `process.send`), as `fork` does. */
  ipc?: boolean;
  /** How long `printed` waits for a line. */
  timeoutMs: number;
}

/** The test's temporary folder and the server processes started in it. */
export interface ServerProcesses {
  /** A path in the current test's temporary folder. */
  file(name: string): string;
  /** Runs `node --import tsx <script> <args>`, `@flowloom/core` resolved to the core's source. */
  start(script: string, args: readonly string[], options: StartOptions): ServerProcess;
}

/**
 * Makes a temporary folder (named `prefix`…) before each test and removes it after the test,
 * with every process the test started still running killed first.
 */
export function serverProcesses(prefix: string): ServerProcesses {
  let dir: string;
  const children = new Set<ChildProcess>();
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix));
    // The child resolves `@flowloom/core` to the core's source, as these tests do.
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { paths: { '@flowloom/core': [CORE_SOURCE] } } }),
    );
  });
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
    children.clear();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    file: (name) => path.join(dir, name),
    start(script, args, options) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
        cwd: path.dirname(script),
        env: { ...process.env, TSX_TSCONFIG_PATH: path.join(dir, 'tsconfig.json'), ...options.env },
        stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      child.once('exit', () => children.delete(child));
      return watch(child, options.timeoutMs);
    },
  };
}

function watch(child: ChildProcess, timeoutMs: number): ServerProcess {
  const lines: string[] = [];
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean));
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
  });
  const printed = (prefix: string) =>
    vi.waitFor(
      () => {
        const line = lines.find((candidate) => candidate.startsWith(prefix));
        if (!line) throw new Error(`No "${prefix}" yet; stderr: ${stderr}`);
        return line;
      },
      { timeout: timeoutMs, interval: 20 },
    );
  return { child, printed, exited, stderr: () => stderr };
}

/**
 * A `restartServer.test-helpers.ts` process on the test's SQLite file (`flowloom.db`, its
 * `tick` steps recorded in `executions`); resolves once it listens, with its API's URL.
 */
export async function startRestartServer(
  processes: ServerProcesses,
  options: { resume: boolean; leaseMs?: number },
): Promise<ServerProcess & { api: string }> {
  const started = processes.start(
    RESTART_SERVER,
    [processes.file('flowloom.db'), processes.file('executions'), options.resume ? '1' : '0'],
    {
      env: options.leaseMs === undefined ? {} : { LEASE_MS: String(options.leaseMs) },
      timeoutMs: 20_000,
    },
  );
  const port = (await started.printed('LISTENING ')).split(' ')[1];
  return { ...started, api: `http://127.0.0.1:${port}/api/workflow` };
}

/** How many `step_completed` events each step of a run has in the SQLite file `file`. */
export async function sqliteCompletedSteps(
  file: string,
  instanceId: string,
): Promise<Record<string, number>> {
  const store = new SqliteStore(file);
  try {
    return completedSteps(await store.listEvents(instanceId));
  } finally {
    await store.close();
  }
}

/** The lines a server process's `tick` steps appended to `file`, split at spaces; none yet: []. */
export function executionLines(file: string): string[][] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' '));
}

/** How many `step_completed` events each step has among `events`. */
export function completedSteps(events: readonly ExecutionEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    if (event.event_type === 'step_completed') {
      counts[event.step_id!] = (counts[event.step_id!] ?? 0) + 1;
    }
  }
  return counts;
}

/** A JSON call to a server process's API: its status and parsed answer. */
export async function callApi(api: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${api}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in the tests.
  return { status: response.status, body: (await response.json()) as any };
}

/** Waits until a run over a server process's API has finished; with its status answer. */
export function finalStatus(api: string, instanceId: string) {
  return vi.waitFor(
    async () => {
      const status = await callApi(api, 'GET', `/instances/${instanceId}/status`);
      expect(['completed', 'failed', 'cancelled']).toContain(status.body.status);
      return status.body;
    },
    { timeout: 15_000, interval: 50 },
  );
}

/** manual trigger → one `tick` step per id, in a chain, the i-th of `msOf(i)` milliseconds. */
export function tickChain(ticks: readonly string[], msOf: (at: number) => number) {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      ...ticks.map((id, at) => ({ id, type: 'tick', data: { parameters: { ms: msOf(at) } } })),
    ],
    edges: ticks.map((id, at) => ({
      id: `e${at}`,
      source: at === 0 ? 'start' : ticks[at - 1]!,
      target: id,
    })),
  };
}
