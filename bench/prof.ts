import { ExecutionEngine, MemoryStore } from '@flowloom/core';
import { chain, createBenchRegistry } from '/work/main/bench/executor/workflows';
const registry = createBenchRegistry();
const wf = chain(10000);
const engine = new ExecutionEngine({ registry, store: new MemoryStore() });
const ids = [];
for (let i = 0; i < 12; i++) ids.push((await engine.createInstance({ name: 'b', workflow_data: wf })).instance_id);
for (const id of ids) {
  let t = performance.now();
  const { done } = await engine.startWorkflow(id);
  const t2 = performance.now() - t; t = performance.now();
  await done;
  const t3 = performance.now() - t;
  console.log(`start ${t2.toFixed(1)}ms run ${t3.toFixed(1)}ms`);
}
