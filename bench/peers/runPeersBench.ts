import { installPeers } from './installPeers';
import { PEER_CHAIN_SIZES, type PeerResult, runInChild } from './runInChild';

/**
 * Flowloom beside Node-RED and n8n on the same no-op chains, each engine in a fresh process of
 * its own, measured the same way (warm medians), printed side by side. The peers are installed
 * on demand (see `installPeers`); without them, only Flowloom is printed.
 */
const ours = runInChild<{ create: PeerResult; saved: PeerResult; rerun: PeerResult }>(
  './flowloomChains.ts',
);
const peers = installPeers();
const nodeRed = peers ? runInChild<{ rerun: PeerResult }>('./nodeRedChains.ts') : undefined;
const n8n = peers ? runInChild<{ rerun: PeerResult }>('./n8nChains.ts') : undefined;

const us = (value: number | null | undefined) => (value == null ? '—' : value.toFixed(2));
const ratio = (peer: number | null | undefined, flowloom: number | null | undefined) =>
  peer == null || flowloom == null ? '—' : `${(peer / flowloom).toFixed(1)}×`;
console.log(
  '\nFlowloom beside its peers, µs per step of a no-op chain (warm medians, each engine in a fresh process; ratios: the peer’s time ÷ Flowloom’s re-run)',
);
console.table(
  PEER_CHAIN_SIZES.map((steps) => ({
    steps,
    'Flowloom create+execute': us(ours.create[steps]),
    'Flowloom saved wf create+execute': us(ours.saved[steps]),
    'Flowloom re-run': us(ours.rerun[steps]),
    'Node-RED 4.1.8': us(nodeRed?.rerun[steps]),
    'Node-RED ÷ Flowloom': ratio(nodeRed?.rerun[steps], ours.rerun[steps]),
    'n8n-core 2.41.1': us(n8n?.rerun[steps]),
    'n8n ÷ Flowloom': ratio(n8n?.rerun[steps], ours.rerun[steps]),
  })),
);
console.log(
  'Node-RED: a deployed flow of change nodes (no rules), one message per run. n8n: WorkflowExecute.run of a built workflow of no-op nodes; not run at 10,000 nodes (its checkReadyForExecution overflows the stack there, and its cost per step grows with the chain).',
);
