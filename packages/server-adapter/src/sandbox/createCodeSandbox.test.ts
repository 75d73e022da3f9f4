import type { CodeRunRequest, CodeSandbox } from '@flowloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeSandbox } from './createCodeSandbox';

// These tests run the built worker script (dist/codeSandboxWorker.cjs): build the package first
// (`npm run build -w @flowloom/server-adapter`; turbo's test task does).

const MiB = 1024 * 1024;

function request(code: string, overrides: Partial<CodeRunRequest> = {}): CodeRunRequest {
  return {
    code,
    globals: { input: null, steps: {}, vars: {} },
    timeoutMs: 2_000,
    memoryLimitBytes: 64 * MiB,
    maxOutputBytes: MiB,
    ...overrides,
  };
}

let sandbox: CodeSandbox;

beforeAll(() => {
  sandbox = createCodeSandbox({ workers: 2 });
});

afterAll(async () => {
  await sandbox.close?.();
});

describe('createCodeSandbox: running code', () => {
  it('returns the object the code returns', async () => {
    await expect(sandbox.run(request('return { total: 1 + 2 }'))).resolves.toEqual({
      ok: true,
      value: { total: 3 },
      logs: [],
    });
  });

  it('lets the code read input, steps and vars', async () => {
    const result = await sandbox.run(
      request('return [input.id, steps.fetch.status, vars.limit]', {
        globals: { input: { id: 'a1' }, steps: { fetch: { status: 200 } }, vars: { limit: 5 } },
      }),
    );
    expect(result).toMatchObject({ ok: true, value: ['a1', 200, 5] });
  });

  it("hands the code a copy of the data: changing it leaves the host's objects alone", async () => {
    const input = { items: [1, 2] };
    const result = await sandbox.run(
      request('input.items.push(3); return input', { globals: { input, steps: {}, vars: {} } }),
    );
    expect(result).toMatchObject({ ok: true, value: { items: [1, 2, 3] } });
    expect(input).toEqual({ items: [1, 2] });
  });

  it('returns the console lines at their levels, objects printed as JSON', async () => {
    const result = await sandbox.run(
      request(
        'console.log("count", 2, { a: 1 }); console.info("i"); console.warn("w"); ' +
          'console.error(new TypeError("bad")); console.debug([1]); return {}',
      ),
    );
    expect(result.logs).toEqual([
      { level: 'info', message: 'count 2 {"a":1}' },
      { level: 'info', message: 'i' },
      { level: 'warn', message: 'w' },
      { level: 'error', message: 'TypeError: bad' },
      { level: 'debug', message: '[1]' },
    ]);
  });

  it('keeps at most 1,000 console lines of at most 10,000 characters', async () => {
    const result = await sandbox.run(
      request(
        'console.log("x".repeat(50000)); for (let i = 0; i < 1500; i++) console.log(i); return 1',
      ),
    );
    expect(result.logs).toHaveLength(1000);
    expect(result.logs[0]?.message).toHaveLength(10_000);
    expect(result.logs[999]).toEqual({
      level: 'warn',
      message: '502 more console lines were dropped: a code step keeps at most 1000',
    });
  });

  it('runs an async body: await works', async () => {
    const result = await sandbox.run(request('const n = await Promise.resolve(20); return n + 1'));
    expect(result).toMatchObject({ ok: true, value: 21 });
  });

  it('fails with CODE_ERROR when the code awaits something that never settles', async () => {
    const result = await sandbox.run(request('await new Promise(() => {}); return 1'));
    expect(result).toMatchObject({ ok: false, error: { code: 'CODE_ERROR' } });
  });

  it('runs queued code in turn when more runs come than there are workers', async () => {
    const single = createCodeSandbox({ workers: 1 });
    try {
      const results = await Promise.all(
        [1, 2, 3, 4].map((n) => single.run(request(`return ${n} * 10`))),
      );
      expect(results.map((result) => result.ok && result.value)).toEqual([10, 20, 30, 40]);
    } finally {
      await single.close?.();
    }
  });
});

describe('createCodeSandbox: errors', () => {
  it('fails with CODE_ERROR naming the message and the line of a thrown error', async () => {
    const result = await sandbox.run(request('const a = 1;\n\nthrow new Error("boom");'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ERROR', message: 'Error: boom (line 3)' },
    });
  });

  it('fails with CODE_ERROR on a syntax error', async () => {
    const result = await sandbox.run(request('return {'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ERROR', message: expect.stringMatching(/^SyntaxError/) },
    });
  });

  it('fails with CODE_ERROR when a thrown value is not an Error', async () => {
    const result = await sandbox.run(request('throw "plain"'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ERROR', message: 'The code threw "plain"' },
    });
  });

  it.each([
    ['a function', 'return () => 1', /a function/],
    ['a function inside an object', 'return { f() {} }', /a function under the key "f"/],
    ['a BigInt', 'return 10n', /a BigInt/],
    ['a symbol', 'return Symbol("s")', /a symbol/],
    ['a cycle', 'const a = {}; a.self = a; return a', /contains itself/],
    ['undefined', 'const x = 1;', /returned undefined/],
  ])('fails with CODE_ERROR when the code returns %s', async (_name, code, message) => {
    const result = await sandbox.run(request(code));
    expect(result).toMatchObject({ ok: false, error: { code: 'CODE_ERROR', message } });
  });

  it('fails with OUTPUT_TOO_LARGE when the JSON output passes maxOutputBytes', async () => {
    const result = await sandbox.run(
      request('return { text: "x".repeat(2000) }', { maxOutputBytes: 1000 }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTPUT_TOO_LARGE' } });
  });

  it('counts the output in UTF-8 bytes, not characters', async () => {
    // 400 × "é" is 400 characters but 800 bytes of UTF-8.
    const result = await sandbox.run(request('return "é".repeat(400)', { maxOutputBytes: 500 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTPUT_TOO_LARGE' } });
  });

  it('fails with CODE_ERROR when the data handed to the code is not JSON', async () => {
    const result = await sandbox.run(
      request('return 1', { globals: { input: { big: 1n }, steps: {}, vars: {} } }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'CODE_ERROR' } });
  });
});

describe('createCodeSandbox: limits', () => {
  it('stops an endless loop with CODE_TIMEOUT', async () => {
    const result = await sandbox.run(request('while (true) {}', { timeoutMs: 100 }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_TIMEOUT', message: 'The code ran longer than its 100 ms limit' },
    });
  });

  it('does not let the code catch its own timeout', async () => {
    const result = await sandbox.run(
      request('try { while (true) {} } catch (e) { return "caught" }', { timeoutMs: 100 }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'CODE_TIMEOUT' } });
  });

  it('keeps the main thread serving while code loops: timers tick, another run completes', async () => {
    const controller = new AbortController();
    let loopSettled = false;
    const loop = sandbox
      .run(request('while (true) {}', { timeoutMs: 30_000, signal: controller.signal }))
      .finally(() => {
        loopSettled = true;
      });
    let ticks = 0;
    const interval = setInterval(() => {
      ticks += 1;
    }, 5);
    try {
      const other = await sandbox.run(request('return "served"'));
      expect(other).toMatchObject({ ok: true, value: 'served' });
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (ticks >= 5) {
            clearInterval(check);
            resolve();
          }
        }, 5);
      });
      expect(loopSettled).toBe(false);
    } finally {
      clearInterval(interval);
      controller.abort();
    }
    await expect(loop).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('with the default options, an endless loop does not hold back a second, short run', async () => {
    const defaults = createCodeSandbox();
    const controller = new AbortController();
    try {
      // With a single worker the loop would end first (CODE_TIMEOUT after 10 s), then the short
      // run: the race below would name the loop.
      const loop = defaults.run(
        request('while (true) {}', { timeoutMs: 10_000, signal: controller.signal }),
      );
      const short = defaults.run(request('return "short"'));
      const first = await Promise.race([loop.then(() => 'loop'), short.then(() => 'short')]);
      expect(first).toBe('short');
      await expect(short).resolves.toMatchObject({ ok: true, value: 'short' });
      controller.abort();
      await expect(loop).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    } finally {
      await defaults.close?.();
    }
  }, 20_000);

  it('stops a runaway allocation with CODE_MEMORY_LIMIT', async () => {
    const result = await sandbox.run(request('new Array(1e9).fill(1); return 1'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_MEMORY_LIMIT', message: expect.stringMatching(/out of memory/) },
    });
  });

  it('holds the memory limit against large strings kept one by one, and keeps working', async () => {
    // QuickJS's own limit counts each allocation's bookkeeping, not a large string's bytes.
    const result = await sandbox.run(
      request(
        "const kept = []; for (let i = 0; i < 400; i += 1) kept.push('x'.repeat(1 << 20) + i); " +
          'return kept.length',
      ),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_MEMORY_LIMIT', message: expect.stringMatching(/64 MiB/) },
    });
    await expect(sandbox.run(request('return "still here"'))).resolves.toMatchObject({
      ok: true,
      value: 'still here',
    });
  }, 20_000);

  it.each([
    [
      'typed arrays',
      'const k = []; for (let i = 0; i < 200; i += 1) k.push(new Uint8Array(1 << 20)); return k.length',
    ],
    [
      'small objects',
      'const a = []; for (let i = 0; i < 1e7; i += 1) a.push({ i }); return a.length',
    ],
  ])(
    'holds the memory limit against %s kept one by one',
    async (_, code) => {
      await expect(sandbox.run(request(code))).resolves.toMatchObject({
        ok: false,
        error: { code: 'CODE_MEMORY_LIMIT' },
      });
    },
    20_000,
  );

  it('fails unbounded recursion with CODE_ERROR (stack overflow) and keeps working', async () => {
    const result = await sandbox.run(request('function f() { return f() } return f()'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ERROR', message: expect.stringMatching(/stack overflow/i) },
    });
    await expect(sandbox.run(request('return "still here"'))).resolves.toMatchObject({
      ok: true,
      value: 'still here',
    });
  });

  it('fails 2,000 levels of nested brackets with an error and keeps working', async () => {
    const depth = 2_000;
    const result = await sandbox.run(request(`return ${'['.repeat(depth)}${']'.repeat(depth)}`));
    expect(result).toMatchObject({ ok: false, error: { code: 'CODE_ERROR' } });
    await expect(sandbox.run(request('return 1'))).resolves.toMatchObject({ ok: true, value: 1 });
  });

  it('fails 20,000 levels of nested source with a stack overflow and keeps working', async () => {
    const depth = 20_000;
    const result = await sandbox.run(request(`return ${'('.repeat(depth)}1${')'.repeat(depth)}`));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ERROR', message: expect.stringMatching(/stack overflow/) },
    });
    await expect(sandbox.run(request('return 1'))).resolves.toMatchObject({ ok: true, value: 1 });
  });
});

describe('createCodeSandbox: abort', () => {
  it('interrupts running code when the signal aborts, and keeps working', async () => {
    const controller = new AbortController();
    const running = sandbox.run(
      request('while (true) {}', { timeoutMs: 30_000, signal: controller.signal }),
    );
    controller.abort();
    await expect(running).resolves.toMatchObject({
      ok: false,
      error: { code: 'CANCELLED', message: 'The run was stopped while the code ran' },
    });
    await expect(sandbox.run(request('return 2'))).resolves.toMatchObject({ ok: true, value: 2 });
  });

  it('answers CANCELLED at once for a signal aborted before the run', async () => {
    const result = await sandbox.run(request('return 1', { signal: AbortSignal.abort() }));
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('takes an aborted run out of the queue without running it', async () => {
    const single = createCodeSandbox({ workers: 1 });
    const first = new AbortController();
    const second = new AbortController();
    try {
      const busy = single.run(
        request('while (true) {}', { timeoutMs: 30_000, signal: first.signal }),
      );
      const queued = single.run(request('return 1', { signal: second.signal }));
      second.abort();
      await expect(queued).resolves.toMatchObject({
        ok: false,
        error: { code: 'CANCELLED', message: 'The run was stopped before the code ran' },
      });
      first.abort();
      await expect(busy).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    } finally {
      await single.close?.();
    }
  });
});

describe('createCodeSandbox: close and options', () => {
  it('answers a run in flight and later runs with CANCELLED once closed', async () => {
    const closing = createCodeSandbox();
    const running = closing.run(request('while (true) {}', { timeoutMs: 30_000 }));
    await closing.close?.();
    await expect(running).resolves.toMatchObject({
      ok: false,
      error: { code: 'CANCELLED', message: 'The code sandbox was closed' },
    });
    await expect(closing.run(request('return 1'))).resolves.toMatchObject({
      ok: false,
      error: { code: 'CANCELLED' },
    });
  });

  it('applies its memoryLimitBytes to a run whose request sets none', async () => {
    const small = createCodeSandbox({ workers: 1, memoryLimitBytes: 2 * MiB });
    try {
      const result = await small.run({
        code: 'return new Array(1e6).fill(1).length',
        globals: { input: null, steps: {}, vars: {} },
        timeoutMs: 2_000,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'CODE_MEMORY_LIMIT', message: expect.stringMatching(/2 MiB/) },
      });
    } finally {
      await small.close?.();
    }
  });

  it('applies its maxOutputBytes to a run whose request sets none', async () => {
    const small = createCodeSandbox({ workers: 1, maxOutputBytes: 1000 });
    try {
      const result = await small.run({
        code: 'return "x".repeat(2000)',
        globals: { input: null, steps: {}, vars: {} },
        timeoutMs: 2_000,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'OUTPUT_TOO_LARGE', message: expect.stringMatching(/1000 bytes/) },
      });
    } finally {
      await small.close?.();
    }
  });

  it('accepts 8 times maxOutputBytes of data in by default, and refuses more', async () => {
    const small = createCodeSandbox({ workers: 1, maxOutputBytes: 1000 });
    const run = (bytes: number) =>
      small.run({
        code: 'return steps.fetch.length',
        // {"input":null,"steps":{"fetch":"x…"},"vars":{}} is the x's plus 45 bytes.
        globals: { input: null, steps: { fetch: 'x'.repeat(bytes - 45) }, vars: {} },
        timeoutMs: 2_000,
      });
    try {
      await expect(run(8000)).resolves.toMatchObject({ ok: true, value: 8000 - 45 });
      await expect(run(8001)).resolves.toMatchObject({
        ok: false,
        error: { code: 'INPUT_TOO_LARGE', message: expect.stringMatching(/steps\.fetch/) },
      });
    } finally {
      await small.close?.();
    }
  });

  it('rejects invalid options with VALIDATION_FAILED', () => {
    for (const options of [{ workers: 0 }, { maxQueuedRuns: -1 }, { maxInputBytes: 0 }]) {
      expect(() => createCodeSandbox(options), JSON.stringify(options)).toThrow(
        expect.objectContaining({ code: 'VALIDATION_FAILED' }),
      );
    }
  });

  it('rejects a run without a positive timeout with VALIDATION_FAILED', async () => {
    await expect(sandbox.run(request('return 1', { timeoutMs: 0 }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
