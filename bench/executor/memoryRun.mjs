// What finished runs keep, in a fresh process without a TypeScript loader (tsx alone adds some
// 55 MB of RSS): `runs` × `steps`-step chains on one engine (create + execute, nothing
// deleted), then the heap after a full GC and the RSS. Plain JavaScript on the built package.
import { ComponentRegistry, defineComponent, ExecutionEngine, MemoryStore } from '@flowloom/core';

const [steps, runs] = [Number(process.argv[2]), Number(process.argv[3])];
const output = { ok: true };
const noop = async () => ({ success: true, output_data: output });
const registry = new ComponentRegistry({
  components: [
    defineComponent({
      type: 'start',
      name: 'Start',
      category: 'triggers',
      input_handles: [],
      execute: noop,
    }),
    defineComponent({ type: 'noop', name: 'No-op', category: 'utilities', execute: noop }),
  ],
});
const at = { x: 0, y: 0 };
const nodes = [{ id: 'n0', type: 'start', position: at, data: { parameters: {} } }];
const edges = [];
for (let i = 1; i < steps; i += 1) {
  nodes.push({ id: `n${i}`, type: 'noop', position: at, data: { parameters: {} } });
  edges.push({ id: `e${i}`, source: `n${i - 1}`, target: `n${i}` });
}
const engine = new ExecutionEngine({
  registry,
  store: new MemoryStore(),
  limits: { maxNodes: 200_000, maxEdges: 200_000 },
});
const run = async () => {
  const { instance_id } = await engine.createInstance({
    name: 'memory',
    workflow_data: { nodes, edges },
  });
  const status = await engine.executeWorkflow(instance_id);
  if (status.status !== 'completed') throw new Error(`memory run ended ${status.status}`);
};
// One run first, so what is measured is what each further run adds, not code and caches.
await run();
globalThis.gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < runs; i += 1) await run();
globalThis.gc();
const after = process.memoryUsage().heapUsed;
console.log(
  JSON.stringify({
    retainedBytesPerStep: (after - before) / (runs * steps),
    rssMb: process.memoryUsage().rss / 2 ** 20,
    heapTotalMb: process.memoryUsage().heapTotal / 2 ** 20,
    heapUsedMb: after / 2 ** 20,
  }),
);
