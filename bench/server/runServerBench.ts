import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';
import { connectClients } from './fanOut';
import { CONNECTIONS, compareLoads, type LoadResult, loadTest, SECONDS } from './loadTest';
import { percentile } from './percentile';
import { ask, nextReply } from './targetProtocol';
import { runInput, threeStepWorkflow } from './threeStepWorkflow';

const FAN_OUT_CLIENTS = 1_000;
const FAN_OUT_RUNS = 5;
const json = { 'content-type': 'application/json' };

// The servers run in a child process: on loopback the load generator would otherwise take half
// of the server's CPU, and the 1,000 WebSocket clients would delay the very sends they time.
const target = fork(fileURLToPath(new URL('./serveTargets.ts', import.meta.url)), {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const { barePort, apiPort, listingBytes, webhookPath } = await nextReply(target, 'ready');
const origin = `http://127.0.0.1:${apiPort}`;
const basePath = '/api/workflow';

/** Creates an instance, then executes it: one pair per loop of each connection. */
function createExecuteRequests(): autocannon.Request[] {
  type Context = { instanceId?: string };
  return [
    {
      method: 'POST',
      path: `${basePath}/instances`,
      headers: json,
      body: JSON.stringify({ name: 'bench', workflow_data: threeStepWorkflow }),
      onResponse: (status, body, context) => {
        (context as Context).instanceId = status === 201 ? JSON.parse(body).instance_id : undefined;
      },
    },
    {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ input_data: runInput }),
      setupRequest: (request, context) => {
        const { instanceId } = context as Context;
        // Without an id (the create failed) a falsy return makes autocannon start the sequence
        // over, as its README says; @types/autocannon 7 doesn't allow for it.
        if (!instanceId) return undefined as unknown as autocannon.Request;
        return { ...request, path: `${basePath}/instances/${instanceId}/execute` };
      },
    },
  ];
}

/** Starts a run over HTTP, waiting out the moment between a run's last event and its end. */
async function execute(instanceId: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await fetch(`${origin}${basePath}/instances/${instanceId}/execute`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ input_data: runInput }),
    });
    if (response.status === 202) return;
    if (response.status !== 409) throw new Error(`execute answered ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('execute kept answering 409');
}

/** 1,000 clients on one instance; delay from the engine's publish to each client's receipt. */
async function measureFanOut() {
  const created = await fetch(`${origin}${basePath}/instances`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'fan-out', workflow_data: threeStepWorkflow }),
  });
  const { instance_id: instanceId } = (await created.json()) as { instance_id: string };
  await ask(target, { type: 'watch', instanceId }, 'watching');
  const clients = await connectClients(
    `ws://127.0.0.1:${apiPort}${basePath}/ws/${instanceId}`,
    FAN_OUT_CLIENTS,
  );
  await ask(target, { type: 'watchHandedOut' }, 'watching');
  try {
    // One unmeasured run warms up the send path; its events are left out below.
    await execute(instanceId);
    await clients.untilRunsEnded(1, 30_000);
    const warmUp = (await ask(target, { type: 'takeMarks' }, 'marks')).marks;
    const warmUpSeqs = new Set(warmUp.map((mark) => mark.seq));
    for (let run = 2; run <= FAN_OUT_RUNS + 1; run += 1) {
      await execute(instanceId);
      await clients.untilRunsEnded(run, 30_000);
    }
    const { marks } = await ask(target, { type: 'takeMarks' }, 'marks');
    const publishedAt = new Map(marks.map((mark) => [mark.seq, mark.publishedAt]));
    const delays: number[] = [];
    for (const [seq, at] of clients.arrivals()) {
      if (warmUpSeqs.has(seq)) continue;
      const mark = publishedAt.get(seq);
      if (mark !== undefined) delays.push(at - mark);
    }
    delays.sort((a, b) => a - b);
    const handOuts = marks
      .map((mark) => (mark.handedOutAt ?? Number.NaN) - mark.publishedAt)
      .sort((a, b) => a - b);
    return {
      events: marks.length,
      expected: marks.length * FAN_OUT_CLIENTS,
      delivered: delays.length,
      p50: percentile(delays, 0.5),
      p99: percentile(delays, 0.99),
      max: delays.at(-1) ?? Number.NaN,
      handOutP50: percentile(handOuts, 0.5),
      handOutMax: handOuts.at(-1) ?? Number.NaN,
    };
  } finally {
    await clients.close();
  }
}

/** Every measurement, with the target process stopped afterwards whatever happens. */
async function measureAll() {
  try {
    const { bare, sameBody, components } = await compareLoads({
      bare: { url: `http://127.0.0.1:${barePort}/` },
      sameBody: { url: `http://127.0.0.1:${barePort}/same-body` },
      components: { url: `${origin}${basePath}/components` },
    });
    // Alone, each: the runs they start go on in the background after their requests end.
    const pairs = await loadTest({ url: origin, requests: createExecuteRequests() });
    const runs = await ask(target, { type: 'waitIdle' }, 'idle');
    const webhook = await loadTest({
      url: `${origin}${webhookPath}`,
      method: 'POST',
      headers: json,
      body: JSON.stringify(runInput),
    });
    const afterWebhook = await ask(target, { type: 'waitIdle' }, 'idle');
    const webhookRuns = {
      completed: afterWebhook.completed - runs.completed,
      failed: afterWebhook.failed - runs.failed,
    };
    const fanOut = await measureFanOut();
    return { bare, sameBody, components, pairs, runs, webhook, webhookRuns, fanOut };
  } finally {
    await ask(target, { type: 'stop' }, 'stopped');
  }
}

const { bare, sameBody, components, pairs, runs, webhook, webhookRuns, fanOut } =
  await measureAll();
/** What refused requests, when any were: a row whose failures are refusals measures the refusal. */
const refusedBy = (result: LoadResult) => {
  const codes = Object.entries(result.refusals);
  return codes.length === 0
    ? ''
    : `; refused: ${codes.map(([code, count]) => `${count} × ${code}`).join(', ')}`;
};
const row = (workload: string, result: LoadResult, opsPerSecond = result.requestsPerSecond) => ({
  workload,
  'req/s': Math.round(result.requestsPerSecond),
  'p50 ms': result.p50Ms.toFixed(1),
  'p99 ms': result.p99Ms.toFixed(1),
  'vs bare ×': (result.requestsPerSecond / bare.requestsPerSecond).toFixed(2),
  'ops/s': Math.round(opsPerSecond),
  failures: result.failures,
});
console.log(
  `\nServer: Hono + @hono/node-server on 127.0.0.1 (server in its own process), autocannon ${CONNECTIONS} connections, ${SECONDS} s per row (the first three rows take 1 s turns)`,
);
console.table([
  row('bare Hono hello-world', bare),
  row('bare Hono, the same JSON as /components', sameBody),
  row('GET /components', components),
  row('POST /instances + execute (3 steps, SQLite file)', pairs, pairs.okPerSecond / 2),
  row('POST webhook, respond immediately (3 steps, SQLite file)', webhook, webhook.okPerSecond),
]);
console.log(
  `create + execute: ${Math.round(pairs.okPerSecond / 2)} pairs/s, counting 2xx answers only; the runs they started: ${runs.completed} completed, ${runs.failed} failed${refusedBy(pairs)}`,
);
console.log(
  `webhook: ${Math.round(webhook.okPerSecond)} runs started/s, counting 2xx answers only (${(webhook.okPerSecond / (pairs.okPerSecond / 2)).toFixed(2)}× create + execute pairs); the runs they started: ${webhookRuns.completed} completed, ${webhookRuns.failed} failed${refusedBy(webhook)}`,
);
console.log(
  `\nWebSocket fan-out: ${FAN_OUT_CLIENTS} ws clients on one instance, ${FAN_OUT_RUNS} runs of the 3-step workflow; delay from the engine publishing an event to a client receiving it`,
);
console.table([
  {
    clients: FAN_OUT_CLIENTS,
    events: fanOut.events,
    delivered: `${fanOut.delivered} / ${fanOut.expected}`,
    'p50 ms': fanOut.p50.toFixed(1),
    'p99 ms': fanOut.p99.toFixed(1),
    'max ms': fanOut.max.toFixed(1),
    'server send p50 ms': fanOut.handOutP50.toFixed(1),
    'server send max ms': fanOut.handOutMax.toFixed(1),
  },
]);
console.log(
  `Targets: GET /components ≥ 0.5× the bare route's req/s (now ${(components.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}×); fan-out p99 < 50 ms (now ${fanOut.p99.toFixed(1)} ms).`,
);
console.log(
  `GET /components answers ${(listingBytes / 1024).toFixed(1)} KB: ${(components.requestsPerSecond / sameBody.requestsPerSecond).toFixed(2)}× the req/s of a bare route sending the same bytes, which itself runs at ${(sameBody.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}× hello-world.`,
);
console.log(
  '"ops/s" counts answers in 2xx (create + execute pairs on their row); "vs bare" compares requests per second with the hello-world row.',
);
console.log(
  '"server send": from the engine publishing an event until the hub has written it to all 1,000 sockets (server process).',
);
