import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorkflowServer, SqliteStore } from '@flowloom/server-adapter';
import { mountWorkflowApi } from '@flowloom/server-adapter/hono';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
// The conformance test derived from the document, as `npm test` runs it in server-adapter
// (`src/openapi/documentConformance.test.ts`), with many more cases per operation.
import { runDocumentConformance } from '../../packages/server-adapter/src/openapi/conformance/documentConformance.test-helpers';

/**
 * `npm run bench`'s document fuzz pass: for every operation of the served OpenAPI document,
 * DOCUMENT_FUZZ_CASES requests generated from its schemas (default 200) and up to 25 that break
 * them, against a real server on 127.0.0.1 with SQLite; every answer must be one the document
 * lists, with a body that validates against it, and every broken request a 4xx.
 */
const cases = Number(process.env.DOCUMENT_FUZZ_CASES ?? 200);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const reported: unknown[] = [];
const workflows = createWorkflowServer({
  store: new SqliteStore(':memory:'),
  credentialsKey: Buffer.alloc(32, 9).toString('base64'),
  logger: { info() {}, warn() {}, error: (_message, error) => reported.push(error) },
});
const app = new Hono();
mountWorkflowApi(app, workflows);
const httpServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
await new Promise<void>((resolve) => httpServer.once('listening', () => resolve()));
const baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
const api = `${baseUrl}${workflows.basePath}`;

async function post(path: string, body: unknown): Promise<Record<string, string>> {
  const response = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, string>;
}

const started = performance.now();
try {
  const saved = await post('/editor/save', {
    name: 'Document fuzz',
    workflow_data: {
      nodes: [
        { id: 'start', type: 'manual_trigger' },
        { id: 'greet', type: 'log', data: { parameters: { message: 'hi' } } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'greet' }],
    },
  });
  const instance = await post('/instances', { name: 'Run', workflow_id: saved.workflow_id });
  const credential = await post('/credentials', {
    name: 'Key',
    type: 'bearer',
    data: { token: 'secret' },
  });
  const document = await (await fetch(`${api}/openapi.json`)).json();
  const report = await runDocumentConformance({
    baseUrl,
    document,
    casesPerOperation: cases,
    violationsPerOperation: 25,
    seed,
    hints: {
      workflow_id: [saved.workflow_id!],
      instance_id: [instance.instance_id!],
      credential_id: [credential.credential_id!],
      component_type: ['log', 'manual_trigger', 'delay'],
      step_id: ['start', 'greet'],
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const byStatus: Record<number, number> = {};
  for (const statuses of Object.values(report.statuses)) {
    for (const [status, count] of Object.entries(statuses)) {
      byStatus[Number(status)] = (byStatus[Number(status)] ?? 0) + count;
    }
  }
  console.log(
    `\n== document fuzz: ${report.requests.toLocaleString('en')} requests over ${Object.keys(report.statuses).length} operations in ${seconds.toFixed(1)} s (seed ${seed}: FUZZ_SEED=${seed} replays it)`,
  );
  for (const [status, count] of Object.entries(byStatus)) {
    console.log(`  ${status}: ${count.toLocaleString('en')}`);
  }
  console.log(`  answers the document does not describe: ${report.failures.length}`);
  for (const failure of report.failures.slice(0, 20)) console.log('  FAILURE', failure);
  for (const error of reported.slice(0, 5)) console.log('  REPORTED', error);
  process.exitCode = report.failures.length > 0 || reported.length > 0 ? 1 : 0;
} finally {
  await workflows.close({ graceMs: 0 });
  await new Promise<void>((resolve) => {
    httpServer.close(() => resolve());
    httpServer.closeAllConnections();
  });
}
