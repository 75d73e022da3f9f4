import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeRunRequest } from '@flowloom/core';
import { afterAll, describe, expect, it } from 'vitest';
import { CodeSandboxPool, type CodeSandboxPoolOptions } from './CodeSandboxPool';

// A worker script that speaks the sandbox protocol but misbehaves on demand: it hangs past any
// interrupt, throws, or exits. The pool must answer every run and replace the worker.
const MISBEHAVING_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (run) => {
  if (run.code === 'hang') for (;;) {}
  if (run.code === 'throw') throw new Error('worker blew up');
  if (run.code === 'exit') process.exit(7);
  const answer = { ok: true, json: JSON.stringify(run.code), logs: [] };
  parentPort.postMessage({ type: 'answer', id: run.id, answer });
});
`;

const folder = mkdtempSync(join(tmpdir(), 'flowloom-sandbox-'));
const script = join(folder, 'misbehavingWorker.cjs');
writeFileSync(script, MISBEHAVING_WORKER);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function pool(overrides: Partial<CodeSandboxPoolOptions> = {}): CodeSandboxPool {
  return new CodeSandboxPool({
    locateScript: () => script,
    workers: 1,
    stackSizeBytes: 256 * 1024,
    defaultMemoryLimitBytes: 64 * 1024 * 1024,
    maxOutputDepth: 1000,
    graceMs: 50,
    // Long: a slow worker boot must not pass for a hang; the grace then runs from "ready".
    startupGraceMs: 30_000,
    ...overrides,
  });
}

/** A run; 'hang' gets a short timeout, the others a long one so a busy machine is no hang. */
function request(code: string): CodeRunRequest {
  return {
    code,
    globals: { input: null, steps: {}, vars: {} },
    timeoutMs: code === 'hang' ? 20 : 10_000,
    memoryLimitBytes: 64 * 1024 * 1024,
    maxOutputBytes: 1024,
  };
}

describe('CodeSandboxPool', () => {
  it('answers CODE_TIMEOUT for a worker that hangs past its grace, and replaces it', async () => {
    const sandbox = pool();
    try {
      await expect(sandbox.run(request('hang'))).resolves.toMatchObject({
        ok: false,
        error: { code: 'CODE_TIMEOUT', message: expect.stringMatching(/replaced/) },
      });
      await expect(sandbox.run(request('after'))).resolves.toEqual({
        ok: true,
        value: 'after',
        logs: [],
      });
    } finally {
      await sandbox.close();
    }
  });

  it.each([
    ['throws', 'throw', /crashed: worker blew up/],
    ['exits', 'exit', /exited with code 7/],
  ])(
    'answers CODE_ERROR for a worker that %s mid-run, and replaces it',
    async (_name, code, message) => {
      const sandbox = pool();
      try {
        await expect(sandbox.run(request(code))).resolves.toMatchObject({
          ok: false,
          error: { code: 'CODE_ERROR', message },
        });
        await expect(sandbox.run(request('after'))).resolves.toMatchObject({
          ok: true,
          value: 'after',
        });
      } finally {
        await sandbox.close();
      }
    },
  );

  it('answers CANCELLED and replaces a worker that ignores an abort', async () => {
    const sandbox = pool();
    const controller = new AbortController();
    try {
      const hanging = sandbox.run({
        ...request('hang'),
        timeoutMs: 60_000,
        signal: controller.signal,
      });
      controller.abort();
      await expect(hanging).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      await expect(sandbox.run(request('after'))).resolves.toMatchObject({
        ok: true,
        value: 'after',
      });
    } finally {
      await sandbox.close();
    }
  });

  it('runs the queue past a hung worker: the runs behind it still complete', async () => {
    const sandbox = pool();
    try {
      const results = await Promise.all([
        sandbox.run(request('hang')),
        sandbox.run(request('second')),
        sandbox.run(request('third')),
      ]);
      expect(results.map((result) => (result.ok ? result.value : result.error.code))).toEqual([
        'CODE_TIMEOUT',
        'second',
        'third',
      ]);
    } finally {
      await sandbox.close();
    }
  });

  it('answers NOT_CONFIGURED when the worker script cannot be found', async () => {
    const sandbox = pool({
      locateScript: () => {
        throw new Error('no worker script here');
      },
    });
    await expect(sandbox.run(request('x'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_CONFIGURED', message: 'no worker script here' },
    });
    await sandbox.close();
  });
});
