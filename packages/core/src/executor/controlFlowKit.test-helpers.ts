import { builtinComponents } from '../components/builtinComponents';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { WorkflowDataInput } from '../schema/workflowData';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine, type ExecutionEngineOptions } from './ExecutionEngine';
import { edge, node } from './engineTestKit.test-helpers';

export { edge, node };

/** A clock a test moves by hand. */
export function createClock(start = Date.parse('2026-03-01T12:00:00.000Z')) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/**
 * The built-ins plus `probe` (counts how many of its steps run at once, optionally failing for
 * one value) and `hold` (runs until the test releases it).
 */
export function createControlFlowKit(options: ExecutionEngineOptions = {}) {
  const probe = { running: 0, most: 0, calls: 0 };
  const held: Array<() => void> = [];
  const registry = new ComponentRegistry({
    components: [
      ...builtinComponents,
      defineComponent({
        type: 'probe',
        name: 'Probe',
        category: 'utilities',
        parameters: [
          { name: 'value', label: 'Value', type: 'expression' },
          { name: 'fail_on', label: 'Fail on', type: 'expression' },
        ],
        async execute({ input_data }) {
          probe.calls += 1;
          probe.running += 1;
          probe.most = Math.max(probe.most, probe.running);
          await new Promise((resolve) => setTimeout(resolve, 1));
          probe.running -= 1;
          if (input_data.fail_on !== undefined && input_data.fail_on === input_data.value) {
            return {
              success: false,
              error: { code: 'ITEM_BAD', message: `bad ${input_data.value}` },
            };
          }
          return { success: true, output_data: { value: input_data.value } };
        },
      }),
      defineComponent({
        type: 'hold',
        name: 'Hold',
        category: 'utilities',
        execute({ signal }) {
          return new Promise((resolve, reject) => {
            held.push(() => resolve({ success: true, output_data: { held: true } }));
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          });
        },
      }),
    ],
  });
  const store = options.store ?? new MemoryStore();
  // The kit's engines stand for successive processes, an earlier one dead: they share one lease
  // owner, so a later one takes over a dead one's run at once rather than after its lease expires
  // (leases between live processes: ExecutionEngine.leases.test.ts).
  const engine = new ExecutionEngine({ registry, ownerId: 'control-flow-kit', ...options, store });
  const events: ExecutionEvent[] = [];
  engine.on('event', (event) => events.push(event));

  /** Saves a workflow; resolves with its id. */
  async function save(name: string, workflow_data: WorkflowDataInput): Promise<string> {
    const saved = await store.saveWorkflow({
      name,
      workflow_data: workflow_data as never,
      created_by: 'owner',
    });
    return saved.workflow_id;
  }

  /** Creates an instance of a document and starts it; resolves with its id and end. */
  async function start(workflow_data: WorkflowDataInput, input: Record<string, unknown> = {}) {
    const instance = await engine.createInstance({
      name: 'test',
      workflow_data,
      created_by: 'owner',
    });
    const { done } = await engine.startWorkflow(instance.instance_id, input);
    return { id: instance.instance_id, done };
  }

  /** Releases every `hold` step running now. */
  function release(): void {
    for (const resume of held.splice(0)) resume();
  }

  /**
   * Resolves once `count` `hold` steps are holding. A run is running before its step's `execute`
   * is called: a release before then would release nothing, and the step would hold for good.
   */
  async function holding(count = 1): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (held.length < count) {
      if (Date.now() > deadline) throw new Error(`${held.length} of ${count} hold steps began`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  return { engine, store, events, probe, save, start, release, holding, registry };
}

const MULTI_OUTPUT = new Set(['wait', 'sub_workflow', 'for_each']);

/** `manual_trigger` → the given steps in a chain. */
export function chain(...steps: ReturnType<typeof node>[]) {
  const nodes = [node('start', 'manual_trigger'), ...steps];
  return {
    nodes,
    edges: nodes.slice(1).map((step, at) => {
      const source = nodes[at]!;
      // Steps with more than one output (output and timeout or error) name the handle.
      return edge(source.id, step.id, MULTI_OUTPUT.has(source.type) ? 'output' : undefined);
    }),
  };
}

/** The events of one instance, as `event_type:step_id`. */
export function traceOf(events: readonly ExecutionEvent[], instanceId: string): string[] {
  return events
    .filter((event) => event.instance_id === instanceId && event.event_type !== 'log')
    .map((event) => (event.step_id ? `${event.event_type}:${event.step_id}` : event.event_type));
}
