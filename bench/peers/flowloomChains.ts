// Flowloom, in a process of its own: the chains the peers run, measured as the executor bench
// measures them. Prints { create, saved, rerun } in µs per step by chain size.
import {
  createAndExecute,
  createBenchEngine,
  createSavedAndExecute,
  reRun,
} from '../executor/engineTasks';
import { warmMedianMs } from '../executor/timing';
import { chain } from '../executor/workflows';
import { PEER_CHAIN_SIZES, type PeerResult } from './runInChild';

const create: PeerResult = {};
const saved: PeerResult = {};
const rerun: PeerResult = {};
for (const steps of PEER_CHAIN_SIZES) {
  const workflow = chain(steps);
  const { engine } = createBenchEngine();
  const perStep = (ms: number) => (ms * 1000) / steps;
  create[steps] = perStep(await warmMedianMs(createAndExecute(engine, workflow)));
  saved[steps] = perStep(await warmMedianMs(await createSavedAndExecute(engine, workflow)));
  rerun[steps] = perStep(await warmMedianMs(reRun(engine, workflow)));
}
console.log(JSON.stringify({ create, saved, rerun }));
