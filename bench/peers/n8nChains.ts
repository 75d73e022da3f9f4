// n8n's engine (n8n-core's WorkflowExecute, n8n-workflow's Workflow), in a process of its own:
// each chain is a workflow of no-op nodes (a node type defined here, returning its input) after
// a start node; a run is `WorkflowExecute.run` of the workflow, built once. Its
// `checkReadyForExecution` overflows the stack at 10,000 nodes, and 1,000 take seconds already
// (its cost per step grows with the chain): the 10,000 chain is not run. Prints { rerun } in µs
// per step by chain size.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warmMedianMs } from '../executor/timing';
import { VENDOR_DIR } from './installPeers';
import { PEER_CHAIN_SIZES, type PeerResult } from './runInChild';

// n8n-core keeps an instance key in its user folder: a temporary one, not the bench's.
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'flowloom-n8n-'));
const load = createRequire(VENDOR_DIR);
// biome-ignore lint/suspicious/noExplicitAny: n8n's packages are loaded untyped (not installed with the workspace).
const { WorkflowExecute, ExecutionLifecycleHooks } = load('n8n-core') as any;
// biome-ignore lint/suspicious/noExplicitAny: as above.
const { Workflow } = load('n8n-workflow') as any;

function nodeType(name: string, inputs: string[]) {
  return {
    description: {
      displayName: name,
      name,
      group: ['transform'],
      version: 1,
      description: '',
      defaults: { name },
      inputs,
      outputs: ['main'],
      properties: [],
    },
    async execute(this: { getInputData(): unknown[] }) {
      return inputs.length === 0 ? [[{ json: {} }]] : [this.getInputData()];
    },
  };
}
const types: Record<string, unknown> = {
  start: nodeType('start', []),
  noOp: nodeType('noOp', ['main']),
};
const nodeTypes = {
  getByName: (type: string) => types[type],
  getByNameAndVersion: (type: string) => types[type],
  getKnownTypes: () => ({}),
};

function chainWorkflow(steps: number) {
  const nodes = [];
  const connections: Record<string, unknown> = {};
  for (let at = 0; at < steps; at += 1) {
    const type = at === 0 ? 'start' : 'noOp';
    nodes.push({
      id: `id${at}`,
      name: `n${at}`,
      type,
      typeVersion: 1,
      position: [0, 0],
      parameters: {},
    });
    if (at > 0)
      connections[`n${at - 1}`] = { main: [[{ node: `n${at}`, type: 'main', index: 0 }]] };
  }
  return { id: 'bench', name: `chain ${steps}`, nodes, connections, active: false, settings: {} };
}

async function runOnce(data: ReturnType<typeof chainWorkflow>, workflow: unknown): Promise<void> {
  const additionalData = {
    hooks: new ExecutionLifecycleHooks('manual', 'bench', data),
    executionId: 'bench',
    restApiUrl: '',
    instanceBaseUrl: '',
    formWaitingBaseUrl: '',
    webhookBaseUrl: '',
    webhookWaitingBaseUrl: '',
    webhookTestBaseUrl: '',
    userId: 'bench',
    variables: {},
    executeWorkflow: async () => ({}),
    getRunExecutionData: async () => undefined,
    logAiEvent: () => {},
    startRunnerTask: async () => ({}),
  };
  const execute = new WorkflowExecute(additionalData, 'manual');
  const result = await execute.run({
    workflow,
    startNode: (workflow as { getNode(name: string): unknown }).getNode('n0'),
  });
  if (result.status !== 'success') throw new Error(`n8n run ended ${result.status}`);
}

const rerun: PeerResult = {};
for (const steps of PEER_CHAIN_SIZES) {
  if (steps > 1_000) {
    rerun[steps] = null;
    continue;
  }
  const data = chainWorkflow(steps);
  const workflow = new Workflow({ ...data, nodeTypes });
  const slow = steps >= 1_000;
  const ms = await warmMedianMs(
    { run: () => runOnce(data, workflow) },
    slow ? { minRuns: 3, warmUpRuns: 1 } : {},
  );
  rerun[steps] = (ms * 1000) / steps;
}
console.log(JSON.stringify({ rerun }));
