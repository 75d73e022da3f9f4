import type { CodeRunRequest, CodeSandbox } from '@flowloom/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCodeSandbox } from './createCodeSandbox';

// Known ways out of a JavaScript sandbox, each of which must stay inside QuickJS.

function request(code: string): CodeRunRequest {
  return {
    code,
    globals: { input: { a: 1 }, steps: {}, vars: {} },
    timeoutMs: 2_000,
    memoryLimitBytes: 64 * 1024 * 1024,
    maxOutputBytes: 1024 * 1024,
  };
}

let sandbox: CodeSandbox;

beforeAll(() => {
  sandbox = createCodeSandbox();
});

afterAll(async () => {
  await sandbox.close?.();
});

describe('createCodeSandbox contains escapes', () => {
  it("finds no process through the constructor chain (this.constructor.constructor('return process'))", async () => {
    const result = await sandbox.run(
      request("return this.constructor.constructor('return process')()"),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ERROR', message: expect.stringMatching(/'process' is not defined/) },
    });
  });

  it('finds no process through the constructor chain of the data handed in', async () => {
    const result = await sandbox.run(
      request("return typeof input.constructor.constructor('return globalThis.process')()"),
    );
    expect(result).toMatchObject({ ok: true, value: 'undefined' });
  });

  it('gives the code no process, require, fetch, timers or module loading', async () => {
    const result = await sandbox.run(
      request(
        'return [typeof process, typeof require, typeof fetch, typeof setTimeout, ' +
          'typeof setInterval, typeof queueMicrotask, typeof module, typeof Buffer]',
      ),
    );
    expect(result).toMatchObject({ ok: true, value: Array(8).fill('undefined') });
  });

  it('refuses require()', async () => {
    const result = await sandbox.run(request("return require('node:fs')"));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ERROR', message: expect.stringMatching(/'require' is not defined/) },
    });
  });

  it("refuses dynamic import('x')", async () => {
    const result = await sandbox.run(request("return await import('node:fs')"));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ERROR', message: expect.stringMatching(/could not load module/) },
    });
  });

  it('refuses a static import statement as a syntax error', async () => {
    const result = await sandbox.run(request("import fs from 'node:fs'; return 1"));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CODE_ERROR', message: expect.stringMatching(/^SyntaxError/) },
    });
  });

  it('refuses fetch() and setTimeout()', async () => {
    for (const code of ["return fetch('http://127.0.0.1/')", 'setTimeout(() => {}, 1); return 1']) {
      const result = await sandbox.run(request(code));
      expect(result, code).toMatchObject({
        ok: false,
        error: { code: 'CODE_ERROR', message: expect.stringMatching(/is not defined/) },
      });
    }
  });

  // In an object literal QuickJS sets the prototype, so no "__proto__" key reaches the host; the
  // parsed-JSON case makes an own "__proto__" key that the pool's dropProtoKeys must drop (this
  // case and CodeSandboxPool's own "__proto__" test fail without it).
  it.each([
    ['an object literal', 'return {"__proto__": {"polluted": true}, "kept": 1}'],
    ['parsed JSON', 'return JSON.parse(\'{"__proto__": {"polluted": true}, "kept": 1}\')'],
  ])('does not pollute the host through __proto__ in %s', async (_name, code) => {
    const result = await sandbox.run(request(code));
    expect(result).toEqual({ ok: true, value: { kept: 1 }, logs: [] });
    const value = (result as { value: object }).value;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(false);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it("does not let the code replace the sandbox's JSON.stringify to smuggle out a non-string", async () => {
    const result = await sandbox.run(
      request('JSON.stringify = () => ({ not: "a string" }); return { ok: true }'),
    );
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('does not leak one run into the next: each run gets a fresh context', async () => {
    await sandbox.run(request('globalThis.leftover = 42; Object.prototype.tainted = 1; return 1'));
    const result = await sandbox.run(request('return [typeof leftover, typeof ({}).tainted]'));
    expect(result).toMatchObject({ ok: true, value: ['undefined', 'undefined'] });
  });
});
