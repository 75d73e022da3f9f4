import { vi } from 'vitest';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import type { ExecutionEvent } from '../schema/executionEvent';
import { MemoryStore } from '../store/MemoryStore';
import { ExecutionEngine, type ExecutionEngineOptions } from './ExecutionEngine';
import { edge, node } from './engineTestKit.test-helpers';

/** One call of a kit component: which step, with which idempotency key. */
export interface KitCall {
  step_id: string;
  idempotency_key: string;
}

/**
 * Engines sharing one store (one per "process"), over components the test steers: `work` records
 * each call and either finishes at once or waits until the test releases it (`hold`), and fails
 * while its step id is in `failing`.
 */
export function createLifecycleKit() {
  const store = new MemoryStore();
  const calls: KitCall[] = [];
  const held = new Set<string>();
  const failing = new Set<string>();
  const releases = new Map<string, () => void>();
  const registry = new ComponentRegistry({
    components: [
      defineComponent({
        type: 'start',
        name: 'Start',
        category: 'triggers',
        input_handles: [],
        async execute({ step_id, idempotency_key, run_input }) {
          calls.push({ step_id, idempotency_key });
          return { success: true, output_data: { ...run_input } };
        },
      }),
      defineComponent({
        type: 'work',
        name: 'Work',
        category: 'utilities',
        parameters: [{ name: 'value', label: 'Value', type: 'expression' }],
        async execute({ step_id, idempotency_key, input_data, signal }) {
          calls.push({ step_id, idempotency_key });
          if (held.has(step_id)) {
            await new Promise<void>((resolve, reject) => {
              releases.set(step_id, resolve);
              // A stopped hold leaves no release behind for the next run of the same key to be mistaken for.
              signal.addEventListener(
                'abort',
                () => {
                  if (releases.get(step_id) === resolve) releases.delete(step_id);
                  reject(signal.reason);
                },
                { once: true },
              );
            });
          }
          if (failing.has(step_id)) {
            return {
              success: false,
              output_data: {},
              error: { code: 'BOOM', message: `${step_id} failed` },
            };
          }
          return { success: true, output_data: { step: step_id, value: input_data.value } };
        },
      }),
    ],
  });
  const engines: ExecutionEngine[] = [];
  const events: ExecutionEvent[] = [];
  /** A new engine ("process") on the kit's store. */
  function engine(options: ExecutionEngineOptions = {}): ExecutionEngine {
    // The kit's engines stand for successive processes, an earlier one dead: they share one lease
    // owner, so a later one takes over a dead one's run at once rather than after its lease expires
    // (leases between live processes: ExecutionEngine.leases.test.ts).
    const created = new ExecutionEngine({ registry, store, ownerId: 'lifecycle-kit', ...options });
    created.on('event', (event) => events.push(event));
    engines.push(created);
    return created;
  }
  /** Resolves once a step's latest call is waiting to be released. */
  async function heldAt(stepId: string): Promise<void> {
    await vi.waitFor(() => {
      if (!releases.has(stepId)) throw new Error(`${stepId} is not waiting`);
    });
  }
  function release(stepId: string): void {
    held.delete(stepId);
    releases.get(stepId)?.();
    releases.delete(stepId);
  }
  /** The step ids of the kit's calls, in order. */
  const calledSteps = () => calls.map((call) => call.step_id);
  return { store, calls, held, failing, events, engine, heldAt, release, calledSteps };
}

/** start → a → b → c, each a `work` step; b's value reads a's output. */
export function chainWorkflow() {
  return {
    nodes: [
      node('start', 'start'),
      node('a', 'work', { value: 'from a' }),
      node('b', 'work', { value: '{{ steps.a.value }} via b' }),
      node('c', 'work', { value: '{{ steps.b.value }} via c' }),
    ],
    edges: [edge('start', 'a'), edge('a', 'b'), edge('b', 'c')],
  };
}

/** The events of a store's instance whose type is one of `types`. */
export async function storedOfType(
  store: MemoryStore,
  instanceId: string,
  ...types: string[]
): Promise<ExecutionEvent[]> {
  return (await store.listEvents(instanceId)).filter((event) => types.includes(event.event_type));
}
