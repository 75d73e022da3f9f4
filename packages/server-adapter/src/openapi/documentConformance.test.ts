import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type ConformanceReport,
  runDocumentConformance,
} from './conformance/documentConformance.test-helpers';
import {
  type ConformanceServer,
  startConformanceServer,
} from './conformance/startConformanceServer.test-helpers';

// A bounded run of the conformance test derived from the document; bench/fuzz runs many more
// cases (`npm run bench`). A fixed seed replays exactly; CONFORMANCE_SEED explores others.
const SEED = Number(process.env.CONFORMANCE_SEED ?? 20_260_115);

let target: ConformanceServer;
let report: ConformanceReport;

beforeAll(async () => {
  target = await startConformanceServer();
  report = await runDocumentConformance({
    baseUrl: target.baseUrl,
    document: target.document,
    casesPerOperation: 12,
    violationsPerOperation: 10,
    seed: SEED,
    hints: target.hints,
  });
}, 120_000);

afterAll(() => target?.close());

it('answers every request generated from the document as the document says, and refuses every one that breaks it with a 4xx', () => {
  expect(report.failures).toEqual([]);
  expect(target.reported).toEqual([]);
});

it('reaches the handlers: the generated requests get past validation on the main operations', () => {
  const succeeded = (operationId: string) =>
    Object.entries(report.statuses[operationId] ?? {})
      .filter(([status]) => Number(status) < 300)
      .reduce((sum, [, count]) => sum + count, 0);
  for (const operationId of [
    'listComponents',
    'getComponent',
    'createInstance',
    'listInstances',
    'getInstance',
    'getInstanceStatus',
    'getInstanceLogs',
    'saveWorkflow',
    'loadWorkflow',
    'listWorkflows',
    'getWorkflow',
    'listWorkflowVersions',
    'exportWorkflow',
    'createCredential',
    'listCredentials',
    'getCredential',
  ]) {
    expect(succeeded(operationId), operationId).toBeGreaterThan(0);
  }
});

it('covers every operation of the document', () => {
  const operations = Object.values<Record<string, { operationId?: string }>>(
    target.document.paths,
  ).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
  expect(Object.keys(report.statuses).sort()).toEqual(operations.sort());
});
