import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteStore } from '../stores/SqliteStore';

// An approval waits for days; the server is killed meanwhile (SIGKILL: no shutdown at all) and
// a new process starts on the same SQLite file. The run must still be waiting, not resumed
// early, and a resume request to the new process must complete it, each step once.

const SCRIPT = fileURLToPath(new URL('../restartServer.test-helpers.ts', import.meta.url));
const CORE_SOURCE = fileURLToPath(new URL('../../../core/src/index.ts', import.meta.url));

/** trigger → tick1 → approve (a wait for a resume) → tick2. */
const approval = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'tick1', type: 'tick', data: { parameters: { ms: 10 } } },
    { id: 'approve', type: 'wait', data: { parameters: { mode: 'resume' } } },
    { id: 'tick2', type: 'tick', data: { parameters: { ms: 10 } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'tick1' },
    { id: 'e2', source: 'tick1', target: 'approve' },
    { id: 'e3', source: 'approve', target: 'tick2', sourceHandle: 'output' },
  ],
};

let dir: string;
const children = new Set<ChildProcess>();

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'flowloom-approval-'));
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

/** A server process on the test's SQLite file; resolves with its API and what it prints. */
async function startServerProcess() {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SCRIPT, path.join(dir, 'flowloom.db'), path.join(dir, 'executions'), '1'],
    {
      cwd: path.dirname(SCRIPT),
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(dir, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  const lines: string[] = [];
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean));
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      children.delete(child);
      resolve();
    });
  });
  const printed = (prefix: string) =>
    vi.waitFor(
      () => {
        const line = lines.find((candidate) => candidate.startsWith(prefix));
        if (!line) throw new Error(`No "${prefix}" yet; stderr: ${stderr}`);
        return line;
      },
      { timeout: 20_000, interval: 20 },
    );
  const port = (await printed('LISTENING ')).split(' ')[1];
  return { child, api: `http://127.0.0.1:${port}/api/workflow`, printed, exited };
}

async function call(api: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${api}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field below.
  return { status: response.status, body: (await response.json()) as any };
}

/** How many `step_completed` events each step has in the store. */
async function completions(instanceId: string): Promise<Record<string, number>> {
  const store = new SqliteStore(path.join(dir, 'flowloom.db'));
  try {
    const counts: Record<string, number> = {};
    for (const event of await store.listEvents(instanceId)) {
      if (event.event_type === 'step_completed') {
        counts[event.step_id!] = (counts[event.step_id!] ?? 0) + 1;
      }
    }
    return counts;
  } finally {
    await store.close();
  }
}

describe('an approval wait across a killed server', { timeout: 90_000 }, () => {
  it('is still waiting in the next process, not resumed early, and completes on POST /resume', async () => {
    const first = await startServerProcess();
    const created = await call(first.api, 'POST', '/instances', {
      name: 'Approval',
      workflow_data: approval,
    });
    expect(created.status).toBe(201);
    const id: string = created.body.instance_id;
    expect((await call(first.api, 'POST', `/instances/${id}/execute`, {})).status).toBe(202);
    // The record, not only the journal, says waiting: the wait is the store's from now on.
    await vi.waitFor(
      async () =>
        expect((await call(first.api, 'GET', `/instances/${id}`)).body.status).toBe('waiting'),
      { timeout: 10_000, interval: 20 },
    );
    first.child.kill('SIGKILL');
    await first.exited;

    const next = await startServerProcess();
    expect(await next.printed('READY ')).toBe('READY 0');
    const waiting = await call(next.api, 'GET', `/instances/${id}/status`);
    expect(waiting.body.status).toBe('waiting');
    expect(waiting.body.steps.approve).toMatchObject({ status: 'waiting', wait: { resume: true } });

    const resumed = await call(next.api, 'POST', `/instances/${id}/resume`, {
      step_id: 'approve',
      data: { approved: true, by: 'ada' },
    });
    expect(resumed.status).toBe(202);
    const done = await vi.waitFor(
      async () => {
        const status = await call(next.api, 'GET', `/instances/${id}/status`);
        expect(['completed', 'failed', 'cancelled']).toContain(status.body.status);
        return status.body;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(done.status).toBe('completed');
    expect(done.steps.approve.output_data).toEqual({ approved: true, by: 'ada' });
    next.child.kill('SIGTERM');
    await next.exited;

    expect(await completions(id)).toEqual({ start: 1, tick1: 1, approve: 1, tick2: 1 });
    const ticks = readFileSync(path.join(dir, 'executions'), 'utf8').trim().split('\n');
    expect(ticks.map((line) => line.split(' ')[0])).toEqual(['tick1', 'tick2']);
  });
});
