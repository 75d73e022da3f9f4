import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import type { CodeRunRequest, CodeRunResult, CodeSandbox } from '../sandbox/codeSandbox';
import { createTestContext } from '../testing/createTestContext';
import { CodeComponent } from './CodeComponent';

/**
 * A sandbox port that answers with a fixed result and records what it was asked: the real one
 * (QuickJS in a worker) needs Node, so it is tested with this component in server-adapter.
 */
function answeringSandbox(result: CodeRunResult): CodeSandbox & { requests: CodeRunRequest[] } {
  const requests: CodeRunRequest[] = [];
  return {
    requests,
    async run(request) {
      requests.push(request);
      return result;
    },
  };
}

function run(sandbox: CodeSandbox | undefined, input_data: Record<string, unknown> = {}) {
  const context = createTestContext({
    input_data: { code: 'return input', timeout_ms: 250, ...input_data },
    ...(sandbox ? { sandbox } : {}),
  });
  return { context, result: new CodeComponent().execute(context) };
}

describe('CodeComponent', () => {
  it('fails with NOT_CONFIGURED, saying how to give a sandbox, when the host gave none', async () => {
    const { result } = run(undefined);
    await expect(result).resolves.toMatchObject({
      success: false,
      error: {
        code: 'NOT_CONFIGURED',
        message: expect.stringMatching(/createWorkflowServer.*createCodeSandbox\(\)/s),
      },
    });
  });

  it('asks the sandbox to run the code over input, steps and vars with its timeout and signal', async () => {
    const sandbox = answeringSandbox({ ok: true, value: {}, logs: [] });
    const context = createTestContext({
      input_data: { code: 'return vars.n', timeout_ms: 250 },
      input: { item: 1 },
      previous_outputs: { fetch: { status: 200 } },
      global_variables: { n: 2 },
      sandbox,
    });
    await new CodeComponent().execute(context);
    expect(sandbox.requests).toEqual([
      {
        code: 'return vars.n',
        globals: { input: { item: 1 }, steps: { fetch: { status: 200 } }, vars: { n: 2 } },
        timeoutMs: 250,
        signal: context.signal,
      },
    ]);
  });

  it("leaves the memory, output and input limits to the sandbox's own settings", async () => {
    const sandbox = answeringSandbox({ ok: true, value: {}, logs: [] });
    await run(sandbox).result;
    const request = sandbox.requests[0] as CodeRunRequest;
    expect(Object.keys(request).sort()).toEqual(['code', 'globals', 'signal', 'timeoutMs']);
  });

  it('hands the sandbox the steps and vars as they were when the step started', async () => {
    const sandbox = answeringSandbox({ ok: true, value: {}, logs: [] });
    const context = createTestContext({
      input_data: { code: 'return steps', timeout_ms: 250 },
      previous_outputs: { fetch: { status: 200 } },
      global_variables: { n: 1 },
      sandbox,
    });
    await new CodeComponent().execute(context);
    // A parallel branch finishing while this run waits for a busy sandbox.
    context.previous_outputs.later = { done: true };
    context.global_variables.m = 2;
    expect(sandbox.requests[0]?.globals).toMatchObject({
      steps: { fetch: { status: 200 } },
      vars: { n: 1 },
    });
    expect(sandbox.requests[0]?.globals.steps).not.toHaveProperty('later');
    expect(sandbox.requests[0]?.globals.vars).not.toHaveProperty('m');
  });

  it('gives the sandbox a 1000 ms timeout when timeout_ms is absent', async () => {
    const sandbox = answeringSandbox({ ok: true, value: {}, logs: [] });
    await run(sandbox, { timeout_ms: undefined }).result;
    expect(sandbox.requests[0]?.timeoutMs).toBe(1000);
  });

  it('outputs a returned plain object as it is', async () => {
    const sandbox = answeringSandbox({ ok: true, value: { total: 3 }, logs: [] });
    await expect(run(sandbox).result).resolves.toEqual({
      success: true,
      output_data: { total: 3 },
    });
  });

  it.each([
    ['an array', [1, 2]],
    ['a number', 42],
    ['a string', 'done'],
    ['null', null],
  ])('outputs %s as { result }', async (_name, value) => {
    const sandbox = answeringSandbox({ ok: true, value, logs: [] });
    await expect(run(sandbox).result).resolves.toEqual({
      success: true,
      output_data: { result: value },
    });
  });

  it("writes the code's console lines to the step's log at their levels", async () => {
    const sandbox = answeringSandbox({
      ok: true,
      value: {},
      logs: [
        { level: 'info', message: 'starting' },
        { level: 'warn', message: 'careful' },
        { level: 'error', message: 'bad' },
        { level: 'debug', message: 'detail' },
      ],
    });
    const { context, result } = run(sandbox);
    await result;
    expect(context.logs).toEqual([
      { level: 'info', message: 'starting' },
      { level: 'warn', message: 'careful' },
      { level: 'error', message: 'bad' },
      { level: 'debug', message: 'detail' },
    ]);
  });

  it.each([
    ['INPUT_TOO_LARGE', 'The data handed to the code is larger than 8 MiB'],
    ['CODE_SANDBOX_BUSY', 'The code sandbox is busy'],
  ])('fails the step with %s when the sandbox refuses the run', async (code, message) => {
    const sandbox = answeringSandbox({ ok: false, error: { code, message }, logs: [] });
    await expect(run(sandbox).result).resolves.toEqual({
      success: false,
      output_data: {},
      error: { code, message },
    });
  });

  it("fails the step with the sandbox's error code and message, keeping the logs", async () => {
    const sandbox = answeringSandbox({
      ok: false,
      error: { code: 'CODE_TIMEOUT', message: 'The code ran longer than 250 ms' },
      logs: [{ level: 'info', message: 'before the loop' }],
    });
    const { context, result } = run(sandbox);
    await expect(result).resolves.toEqual({
      success: false,
      output_data: {},
      error: { code: 'CODE_TIMEOUT', message: 'The code ran longer than 250 ms' },
    });
    expect(context.logs).toEqual([{ level: 'info', message: 'before the loop' }]);
  });

  it('rethrows the abort when the run was stopped while the code ran', async () => {
    const controller = new AbortController();
    const sandbox: CodeSandbox = {
      async run() {
        controller.abort(new Error('run stopped'));
        return { ok: false, error: { code: 'CANCELLED', message: 'aborted' }, logs: [] };
      },
    };
    const context = createTestContext({
      input_data: { code: 'while (true) {}' },
      signal: controller.signal,
      sandbox,
    });
    await expect(new CodeComponent().execute(context)).rejects.toThrow('run stopped');
  });
});

describe('CodeComponent parameters', () => {
  const registry = new ComponentRegistry({ components: [CodeComponent] });
  const validate = (values: Record<string, unknown>) =>
    registry.validateParameters('code', values, { allowExpressions: false });

  it('accepts code with a timeout in range', () => {
    expect(validate({ code: 'return 1', timeout_ms: 30_000 })).toEqual([]);
  });

  it('requires the code', () => {
    expect(validate({ timeout_ms: 100 })).toMatchObject([
      { parameter: 'code', code: 'MISSING_REQUIRED_PARAMETER' },
    ]);
  });

  it.each([0, 30_001, 1.5])('rejects the timeout %s', (timeout_ms) => {
    expect(validate({ code: 'return 1', timeout_ms })).toMatchObject([{ parameter: 'timeout_ms' }]);
  });

  it('defaults the timeout to 1000 ms', () => {
    const timeout = registry
      .getComponent('code')
      ?.parameters.find((parameter) => parameter.name === 'timeout_ms');
    expect(timeout?.default).toBe(1000);
  });

  it('declares success and error outputs and one input', () => {
    const component = registry.getComponent('code');
    expect(component?.input_handles.map((handle) => handle.id)).toEqual(['input']);
    expect(component?.output_handles.map((handle) => handle.id)).toEqual(['success', 'error']);
  });
});
