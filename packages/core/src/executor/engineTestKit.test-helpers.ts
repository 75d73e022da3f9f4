import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { WorkflowDataInput } from '../schema/workflowData';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine, type ExecutionEngineOptions } from './ExecutionEngine';

/** The trigger of the test workflows (`start`): it outputs the run's input. */
export const START_COMPONENT = defineComponent({
  type: 'start',
  name: 'Start',
  category: 'triggers',
  input_handles: [],
  async execute({ run_input }) {
    return { success: true, output_data: { ...run_input } };
  },
});

/** Components whose behaviour each test steers through parameters. */
export function createTestRegistry(): ComponentRegistry {
  return new ComponentRegistry({
    components: [
      START_COMPONENT,
      defineComponent({
        type: 'step',
        name: 'Step',
        category: 'utilities',
        parameters: [
          { name: 'value', label: 'Value', type: 'expression' },
          { name: 'wait_ms', label: 'Wait', type: 'number', default: 0 },
        ],
        async execute({ input_data, signal }) {
          if (input_data.wait_ms > 0) await sleep(input_data.wait_ms, signal);
          return { success: true, output_data: { value: input_data.value } };
        },
      }),
      defineComponent({
        type: 'branch',
        name: 'Branch',
        category: 'logic',
        parameters: [{ name: 'go', label: 'Go', type: 'expression', required: true }],
        output_handles: [
          { id: 'true', type: 'source', position: 'right' },
          { id: 'false', type: 'source', position: 'right' },
        ],
        async execute({ input_data }) {
          return {
            success: true,
            output_data: { go: input_data.go },
            output_handle: input_data.go ? 'true' : 'false',
          };
        },
      }),
      defineComponent({
        type: 'fail',
        name: 'Fail',
        category: 'utilities',
        parameters: [
          {
            name: 'mode',
            label: 'Mode',
            type: 'select',
            options: ['result', 'throw', 'string'],
            default: 'result',
          },
          { name: 'succeed_on_attempt', label: 'Succeed on attempt', type: 'number', default: 0 },
        ],
        output_handles: [
          { id: 'success', type: 'source', position: 'right' },
          { id: 'error', type: 'source', position: 'bottom' },
        ],
        async execute({ input_data, step_id }) {
          const attempt = (attemptsByStep.get(step_id) ?? 0) + 1;
          attemptsByStep.set(step_id, attempt);
          if (attempt === input_data.succeed_on_attempt)
            return { success: true, output_data: { attempt } };
          if (input_data.mode === 'throw') throw new Error(`thrown on attempt ${attempt}`);
          if (input_data.mode === 'string')
            return { success: false, output_data: {}, error: 'plain failure' };
          return {
            success: false,
            output_data: { attempt },
            error: { code: 'BOOM', message: `failed on attempt ${attempt}` },
          };
        },
      }),
      defineComponent({
        type: 'collect',
        name: 'Collect',
        category: 'data_processing',
        async execute({ inputs }) {
          return { success: true, output_data: { ...inputs } };
        },
      }),
      defineComponent({
        type: 'set',
        name: 'Set',
        category: 'utilities',
        parameters: [
          { name: 'name', label: 'Name', type: 'string', required: true },
          { name: 'value', label: 'Value', type: 'expression' },
        ],
        async execute({ input_data }) {
          return {
            success: true,
            output_data: {},
            set_variables: { [input_data.name]: input_data.value },
          };
        },
      }),
      defineComponent({
        type: 'say',
        name: 'Say',
        category: 'output_actions',
        parameters: [{ name: 'message', label: 'Message', type: 'string', required: true }],
        async execute({ input_data, logger, input }) {
          logger.info(input_data.message, { seen: input });
          return { success: true, output_data: { said: input_data.message } };
        },
      }),
      defineComponent({
        type: 'hang',
        name: 'Hang',
        category: 'utilities',
        parameters: [
          { name: 'ignore_abort', label: 'Ignore abort', type: 'boolean', default: false },
        ],
        execute({ signal, input_data }) {
          return new Promise((_, reject) => {
            if (!input_data.ignore_abort)
              signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          });
        },
      }),
    ],
  });
}

/** Attempts made by `fail` steps, by step id; cleared by {@link resetAttempts}. */
const attemptsByStep = new Map<string, number>();

/** Forgets the attempts `fail` steps made. */
export function resetAttempts(): void {
  attemptsByStep.clear();
}

/** A node of the test workflows. */
export function node(
  id: string,
  type: string,
  parameters: Record<string, unknown> = {},
  settings?: Record<string, unknown>,
) {
  return {
    id,
    type,
    position: { x: 0, y: 0 },
    data: settings ? { parameters, settings } : { parameters },
  };
}

/** An edge of the test workflows. */
export function edge(source: string, target: string, sourceHandle?: string) {
  return {
    id: `${source}->${target}${sourceHandle ? `:${sourceHandle}` : ''}`,
    source,
    target,
    sourceHandle: sourceHandle ?? null,
  };
}

/** An engine over the test registry and a fresh store, and every event it publishes. */
export function createTestEngine(options: ExecutionEngineOptions = {}) {
  const store = new MemoryStore();
  const engine = new ExecutionEngine({ registry: createTestRegistry(), store, ...options });
  const events: ExecutionEvent[] = [];
  engine.on('event', (event) => events.push(event));
  async function run(workflow_data: WorkflowDataInput, input: Record<string, unknown> = {}) {
    const instance = await engine.createInstance({ name: 'test', workflow_data });
    const status = await engine.executeWorkflow(instance.instance_id, input);
    return {
      instance,
      status,
      events: events.filter((event) => event.instance_id === instance.instance_id),
    };
  }
  return { engine, store, events, run };
}

/** The `event_type:step_id` of each event, for asserting order. */
export function trace(events: readonly ExecutionEvent[]): string[] {
  return events.map((event) =>
    event.step_id ? `${event.event_type}:${event.step_id}` : event.event_type,
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
