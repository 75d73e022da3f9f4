// A fresh process's first run of a chain: nothing is optimised, nothing is cached.
import { ExecutionEngine, MemoryStore } from '@flowloom/core';
import { BENCH_LIMITS, chain, createBenchRegistry } from './workflows';

const steps = Number(process.argv[2]);
const workflow = chain(steps);
const engine = new ExecutionEngine({
  registry: createBenchRegistry(),
  store: new MemoryStore(),
  limits: BENCH_LIMITS,
});
const start = performance.now();
const { instance_id } = await engine.createInstance({ name: 'cold', workflow_data: workflow });
const status = await engine.executeWorkflow(instance_id);
const ms = performance.now() - start;
if (status.status !== 'completed') throw new Error(`cold run ended ${status.status}`);
console.log(JSON.stringify({ usPerStep: (ms * 1000) / steps }));
