import { CodeComponent, type CodeSandbox } from '@flowloom/core';
import { createTestContext } from '@flowloom/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('fails the step with CODE_ERROR and the line when the code throws', async () => {
    const { result } = runStep('const x = 1;\nnull.boom;');
    await expect(result).resolves.toMatchObject({
      success: false,
      error: { code: 'CODE_ERROR', message: expect.stringMatching(/^TypeError: .*\(line 2\)$/) },
    });
  });
});
