import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeRunRequest } from '@flowloom/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CodeSandboxPool, type CodeSandboxPoolOptions } from './CodeSandboxPool';

// A worker script that speaks the sandbox protocol but misbehaves on demand: it hangs past any
// interrupt, throws, or exits. The pool must answer every run and replace the worker. 'globals'
// and 'limits' echo what the worker was given; 'proto' answers JSON with a "__proto__" key.
const MISBEHAVING_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (run) => {
  if (run.code === 'hang') for (;;) {}
  if (run.code === 'throw') throw new Error('worker blew up');
  if (run.code === 'exit') process.exit(7);
  let json = JSON.stringify(run.code);
  if (run.code === 'globals') json = run.globalsJson;
  if (run.code === 'limits') {
    json = JSON.stringify({ memory: run.memoryLimitBytes, output: run.maxOutputBytes });
  }
  if (run.code === 'proto') json = '{"__proto__":{"polluted":true},"kept":1}';
  parentPort.postMessage({ type: 'answer', id: run.id, answer: { ok: true, json, logs: [] } });
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
    memoryLimitBytes: 64 * 1024 * 1024,
    maxOutputBytes: 1024,
    maxInputBytes: 8 * 1024,
    maxQueuedRuns: 100,
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
  };
}

/** A run that holds the worker until `controller` aborts it (the worker is then replaced). */
function holdingRun(controller: AbortController): CodeRunRequest {
  return { ...request('hang'), timeoutMs: 60_000, signal: controller.signal };
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

  it("serializes a queued run's data only when a worker takes it, not while it waits", async () => {
    const sandbox = pool();
    const stringify = vi.spyOn(JSON, 'stringify');
    const controller = new AbortController();
    const globals = { input: { waiting: true }, steps: {}, vars: {} };
    const serializations = () => stringify.mock.calls.filter(([value]) => value === globals).length;
    try {
      const holding = sandbox.run(holdingRun(controller));
      const queued = sandbox.run({ ...request('globals'), globals });
      expect(serializations()).toBe(0);
      controller.abort();
      await expect(queued).resolves.toMatchObject({ ok: true, value: globals });
      expect(serializations()).toBe(1);
      await holding;
    } finally {
      stringify.mockRestore();
      await sandbox.close();
    }
  });

  it('answers CODE_SANDBOX_BUSY at once past maxQueuedRuns; the queued runs still run', async () => {
    const sandbox = pool({ maxQueuedRuns: 2 });
    const controller = new AbortController();
    try {
      const holding = sandbox.run(holdingRun(controller));
      const queued = [sandbox.run(request('first')), sandbox.run(request('second'))];
      await expect(sandbox.run(request('third'))).resolves.toMatchObject({
        ok: false,
        error: { code: 'CODE_SANDBOX_BUSY', message: expect.stringMatching(/busy/) },
      });
      controller.abort();
      const results = await Promise.all(queued);
      expect(results.map((result) => result.ok && result.value)).toEqual(['first', 'second']);
      await holding;
    } finally {
      await sandbox.close();
    }
  });

  it('refuses data over maxInputBytes with INPUT_TOO_LARGE naming the largest step, unrun', async () => {
    // No worker can start: a run that reached one would answer NOT_CONFIGURED.
    const sandbox = pool({
      maxInputBytes: 1000,
      locateScript: () => {
        throw new Error('no worker should start');
      },
    });
    const steps = { small: { n: 1 }, big: { text: 'x'.repeat(1500) } };
    await expect(
      sandbox.run({ ...request('x'), globals: { input: null, steps, vars: {} } }),
    ).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'INPUT_TOO_LARGE',
        message: expect.stringMatching(/1000 bytes.*steps\.big \(1\.5 KiB\)/s),
      },
    });
    await sandbox.close();
  });

  it("lets a request's maxInputBytes replace the pool's", async () => {
    const sandbox = pool({ maxInputBytes: 10 });
    const globals = { input: { text: 'x'.repeat(100) }, steps: {}, vars: {} };
    try {
      await expect(
        sandbox.run({ ...request('globals'), globals, maxInputBytes: 1000 }),
      ).resolves.toMatchObject({ ok: true, value: globals });
    } finally {
      await sandbox.close();
    }
  });

  it("gives the worker the pool's memory and output limits when the request sets none", async () => {
    const sandbox = pool({ memoryLimitBytes: 3 * 1024 * 1024, maxOutputBytes: 777 });
    try {
      await expect(sandbox.run(request('limits'))).resolves.toMatchObject({
        ok: true,
        value: { memory: 3 * 1024 * 1024, output: 777 },
      });
      await expect(
        sandbox.run({ ...request('limits'), memoryLimitBytes: 2 * 1024 * 1024, maxOutputBytes: 5 }),
      ).resolves.toMatchObject({ ok: true, value: { memory: 2 * 1024 * 1024, output: 5 } });
    } finally {
      await sandbox.close();
    }
  });

  it('drops "__proto__" keys from the output it parses, so no prototype can be set from it', async () => {
    const sandbox = pool();
    try {
      const result = await sandbox.run(request('proto'));
      expect(result).toEqual({ ok: true, value: { kept: 1 }, logs: [] });
      const value = (result as { value: object }).value;
      expect(Object.hasOwn(value, '__proto__')).toBe(false);
      expect(Object.assign({}, value)).not.toHaveProperty('polluted');
    } finally {
      await sandbox.close();
    }
  });

  it.each([
    ['maxInputBytes', 0],
    ['maxOutputBytes', -1],
    ['memoryLimitBytes', Number.NaN],
  ])('rejects a run whose %s is %s with VALIDATION_FAILED', async (limit, value) => {
    const sandbox = pool();
    await expect(sandbox.run({ ...request('x'), [limit]: value })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await sandbox.close();
  });
});
