// Node-RED 4, in a process of its own: its runtime runs flows headless (settings, no editor, no
// HTTP), and each chain is a flow of `change` nodes without rules, deployed once; a run is one
// message sent through it, done when the last node completes it (the `onComplete` hook).
// Prints { rerun } in µs per step by chain size.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { warmMedianMs } from '../executor/timing';
import { VENDOR_DIR } from './installPeers';
import { PEER_CHAIN_SIZES, type PeerResult } from './runInChild';

interface NodeRedNode {
  receive(msg: Record<string, unknown>): void;
}
interface NodeRed {
  init(server: undefined, settings: Record<string, unknown>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  hooks: { add(name: string, hook: (event: { node: { id: string } }) => void): void };
  nodes: { getNode(id: string): NodeRedNode | null };
  runtime: { flows: { setFlows(options: { flows: { flows: unknown[] } }): Promise<unknown> } };
}

const RED = createRequire(VENDOR_DIR)('node-red') as NodeRed;
RED.init(undefined, {
  userDir: mkdtempSync(join(tmpdir(), 'flowloom-node-red-')),
  httpAdminRoot: false,
  httpNodeRoot: false,
  disableEditor: true,
  credentialSecret: false,
  logging: { console: { level: 'off' } },
});
await RED.start();
let lastId = '';
let finished: () => void = () => {};
RED.hooks.add('onComplete.bench', (event) => {
  if (event.node.id === lastId) finished();
});

/** Deploys a chain of `steps` change nodes and returns its first node, once it runs. */
async function deployChain(steps: number): Promise<NodeRedNode> {
  const id = (name: string) => `chain${steps}_${name}`;
  const flow: unknown[] = [{ id: id('tab'), type: 'tab', label: `chain ${steps}` }];
  for (let at = 0; at < steps; at += 1) {
    const next = at + 1 < steps ? [id(`n${at + 1}`)] : [];
    flow.push({ id: id(`n${at}`), z: id('tab'), type: 'change', rules: [], wires: [next] });
  }
  lastId = id(`n${steps - 1}`);
  await RED.runtime.flows.setFlows({ flows: { flows: flow } });
  // The runtime starts the new flow after setFlows resolves.
  while (!RED.nodes.getNode(id('n0')) || !RED.nodes.getNode(lastId)) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return RED.nodes.getNode(id('n0'))!;
}

const rerun: PeerResult = {};
for (const steps of PEER_CHAIN_SIZES) {
  const first = await deployChain(steps);
  const ms = await warmMedianMs({
    run: () =>
      new Promise<void>((resolve) => {
        finished = resolve;
        first.receive({ payload: {} });
      }),
  });
  rerun[steps] = (ms * 1000) / steps;
}
await RED.stop();
console.log(JSON.stringify({ rerun }));
process.exit(0);
