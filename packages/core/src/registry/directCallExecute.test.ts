import { afterEach, describe, expect, it } from 'vitest';
import { DelayComponent } from '../components/DelayComponent';
import { HttpRequestComponent } from '../components/HttpRequestComponent';
import { closeLoopbackServers, startLoopbackServer } from '../network/loopbackServer.test-helpers';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { BaseWorkflowComponent } from './BaseWorkflowComponent';
import { ComponentRegistry } from './ComponentRegistry';
import { createExecutionContext } from './createExecutionContext';
import { defineComponent } from './defineComponent';

const ids = { workflow_id: 'w', instance_id: 'i', step_id: 's' };

/** Echoes the input it got, and logs, so a test sees the context execute received. */
class EchoComponent extends BaseWorkflowComponent {
  static getMetadata() {
    return {
      type: 'echo',
      name: 'Echo',
      category: 'utilities' as const,
      parameters: [
        { name: 'word', label: 'Word', type: 'string' as const, required: true },
        { name: 'times', label: 'Times', type: 'number' as const, default: 2 },
        { name: 'loud', label: 'Loud', type: 'boolean' as const, default: false },
      ],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    context.logger.info('echo');
    return {
      success: !context.signal.aborted,
      output_data: { input: context.input_data, key: context.idempotency_key },
    };
  }
}

const echoDefinition = defineComponent({
  type: 'echo_def',
  name: 'Echo',
  category: 'utilities',
  parameters: [{ name: 'times', label: 'Times', type: 'number', default: 3 }],
  async execute({ input_data, logger }) {
    logger.debug('called');
    return { success: true, output_data: { times: input_data.times } };
  },
});

describe('a component called directly', () => {
  it('gets its declared defaults for the parameters left out, keeping the ones given', async () => {
    const result = await new EchoComponent().execute(
      createExecutionContext({ ...ids, input_data: { word: 'hi', loud: true } }),
    );
    expect(result.output_data).toEqual({
      input: { word: 'hi', times: 2, loud: true },
      key: 'i:s:1',
    });
  });

  it('runs with a context holding only the seed six fields', async () => {
    const sixFields = {
      ...ids,
      input_data: { word: 'hi' },
      previous_outputs: {},
      global_variables: {},
    } as unknown as ExecutionContext;
    const result = await new EchoComponent().execute(sixFields);
    expect(result).toMatchObject({ success: true, output_data: { input: { times: 2 } } });
  });

  it('gets defaults in a defineComponent definition too', async () => {
    const context = createExecutionContext({ ...ids, input_data: {} });
    const result = await echoDefinition.execute(context as never);
    expect(result.output_data).toEqual({ times: 3 });
    expect(context.logs).toEqual([{ level: 'debug', message: 'called' }]);
  });

  it('does not change the input object it was given', async () => {
    const input_data = { word: 'hi' };
    await new EchoComponent().execute(createExecutionContext({ ...ids, input_data }));
    expect(input_data).toEqual({ word: 'hi' });
  });

  it('a built-in component applies its defaults: a delay with only ms', async () => {
    const result = await new DelayComponent().execute({
      ...ids,
      input_data: { ms: 0 },
      previous_outputs: {},
      global_variables: {},
    } as unknown as ExecutionContext);
    expect(result.success).toBe(true);
  });
});

describe('the seed component test: HttpRequestComponent called directly', () => {
  afterEach(closeLoopbackServers);

  it('succeeds with a status_code given only the six fields and { url, method }', async () => {
    const server = await startLoopbackServer((_, response) => response.end('{"ok":true}'));
    const result = await new HttpRequestComponent().execute({
      workflow_id: 'test_workflow',
      instance_id: 'test_instance',
      step_id: 'test_step',
      input_data: { url: `${server.url}/test`, method: 'GET' },
      previous_outputs: {},
      global_variables: {},
    } as unknown as ExecutionContext);
    expect(result.success).toBe(true);
    expect(result.output_data).toMatchObject({ status_code: 200 });
  });
});

describe('a registered component', () => {
  it('is called by the engine without the direct-call wrapper', async () => {
    const registry = new ComponentRegistry({ components: [EchoComponent, echoDefinition] });
    for (const type of ['echo', 'echo_def']) {
      const execute = registry.resolve(type).execute;
      // The engine's contexts carry defaults already: the registry's execute passes input on as is.
      const context = createExecutionContext({ ...ids, input_data: {} });
      const result = await execute(context);
      expect(result.output_data).not.toMatchObject({ input: { times: 2 } });
      expect(result.output_data).not.toEqual({ times: 3 });
    }
  });
});
