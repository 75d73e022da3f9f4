import { CodeComponent, type CodeSandbox } from '@flowloom/core';
import { createTestContext } from '@flowloom/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflowServer } from '../createWorkflowServer';
import { createSpyLogger } from '../http/testServer.test-helpers';
import { createCodeSandbox } from './createCodeSandbox';

// The `code` step with the real sandbox: the component from core, QuickJS in a worker here.

let sandbox: CodeSandbox;

beforeAll(() => {
  sandbox = createCodeSandbox();
});

afterAll(async () => {
  await sandbox.close?.();
});

function runStep(code: string, timeout_ms = 1000) {
  const context = createTestContext({
    input_data: { code, timeout_ms },
    input: { items: [{ price: 2 }, { price: 3 }] },
    previous_outputs: { fetch_prices: { currency: 'EUR' } },
    global_variables: { discount: 1 },
    sandbox,
  });
  return { context, result: new CodeComponent().execute(context) };
}

describe('the code step on createCodeSandbox', () => {
  it('outputs the object the code computes from input, steps and vars', async () => {
    const { result } = runStep(
      'const total = input.items.reduce((sum, item) => sum + item.price, 0);\n' +
        'return { total: total - vars.discount, currency: steps.fetch_prices.currency };',
    );
    await expect(result).resolves.toEqual({
      success: true,
      output_data: { total: 4, currency: 'EUR' },
    });
  });

  it('outputs a non-object result as { result }', async () => {
    const { result } = runStep('return input.items.map((item) => item.price)');
    await expect(result).resolves.toEqual({ success: true, output_data: { result: [2, 3] } });
  });

  it("writes the code's console lines to the step's log", async () => {
    const { context, result } = runStep('console.warn("low stock", input.items.length); return {}');
    await result;
    expect(context.logs).toEqual([{ level: 'warn', message: 'low stock 2' }]);
  });

  it('fails the step with CODE_TIMEOUT when the code loops', async () => {
    const { result } = runStep('while (true) {}', 50);
    await expect(result).resolves.toMatchObject({
      success: false,
      error: { code: 'CODE_TIMEOUT' },
    });
  });

  it('fails the step with INPUT_TOO_LARGE when the earlier outputs pass the default 8 MiB', async () => {
    // Nine steps of 1 MiB each: every earlier output is part of `steps`.
    const output = { text: 'x'.repeat(1024 * 1024) };
    const previous_outputs = Object.fromEntries(
      Array.from({ length: 9 }, (_, index) => [`fetch_${index}`, output]),
    );
    const context = createTestContext({
      input_data: { code: 'return { ok: true }', timeout_ms: 1000 },
      previous_outputs,
      sandbox,
    });
    await expect(new CodeComponent().execute(context)).resolves.toMatchObject({
      success: false,
      error: {
        code: 'INPUT_TOO_LARGE',
        message: expect.stringMatching(/8 MiB.*fetch_0 \(1 MiB\).*make those outputs smaller/s),
      },
    });
  });

  it('fails the step with CODE_ERROR and the line when the code throws', async () => {
    const { result } = runStep('const x = 1;\nnull.boom;');
    await expect(result).resolves.toMatchObject({
      success: false,
      error: { code: 'CODE_ERROR', message: expect.stringMatching(/^TypeError: .*\(line 2\)$/) },
    });
  });
});

describe('the code step on createWorkflowServer', () => {
  it("returns up to the server's limits.maxStepOutputBytes, past the sandbox's 1 MiB default", async () => {
    const server = createWorkflowServer({
      limits: { maxStepOutputBytes: 4 * 1024 * 1024 },
      logger: createSpyLogger(),
    });
    try {
      const code = (mebibytes: number) => ({
        id: 'code',
        type: 'code',
        position: { x: 0, y: 0 },
        data: { parameters: { code: `return { text: "x".repeat(${mebibytes} * 1024 * 1024) }` } },
      });
      const run = async (mebibytes: number) => {
        const instance = await server.engine.createInstance({
          name: 'code output',
          workflow_data: { nodes: [code(mebibytes)], edges: [] },
        });
        return server.engine.executeWorkflow(instance.instance_id);
      };
      await expect(run(2)).resolves.toMatchObject({ status: 'completed' });
      const tooLarge = await run(5);
      expect(tooLarge.steps.code?.error).toMatchObject({
        code: 'OUTPUT_TOO_LARGE',
        message: expect.stringMatching(/4194304 bytes/),
      });
    } finally {
      await server.close();
    }
  });
});
