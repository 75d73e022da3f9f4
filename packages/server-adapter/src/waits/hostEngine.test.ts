import { ExecutionEngine, MemoryStore } from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  asUser,
  closeTestServers,
  createBuiltinRegistry,
  createInstanceVia,
  createTestServer,
  executeVia,
  headerAuthenticate,
  logWorkflow,
  waitForFinalStatus,
} from '../http/testServer.test-helpers';
import { createWorkflowLoader } from '../index';

afterEach(closeTestServers);

/** Manual trigger → a `sub_workflow` step running `workflowId`. */
function callsWorkflow(workflowId: string) {
  return {
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      { id: 'sub', type: 'sub_workflow', data: { parameters: { workflow_id: workflowId } } },
    ],
    edges: [{ id: 'e', source: 'start', target: 'sub' }],
  };
}

describe('a server given a host-built engine', () => {
  it('warns once at start that the engine needs createWorkflowLoader', () => {
    const store = new MemoryStore();
    const engine = new ExecutionEngine({ store, registry: createBuiltinRegistry() });
    const t = createTestServer({ engine });
    const advice = t.logger.warn.mock.calls.filter(([message]) =>
      String(message).includes('createWorkflowLoader'),
    );
    expect(advice).toHaveLength(1);
  });

  it('does not warn when it builds its own engine', () => {
    const t = createTestServer();
    expect(t.logger.warn).not.toHaveBeenCalledWith(expect.stringContaining('createWorkflowLoader'));
  });

  it("keeps sub-workflows to the owner's workflows with the exported createWorkflowLoader", async () => {
    const store = new MemoryStore();
    const engine = new ExecutionEngine({
      store,
      registry: createBuiltinRegistry(),
      workflows: createWorkflowLoader({ store }),
    });
    const t = createTestServer({ engine, authenticate: headerAuthenticate });
    const saved = await t.request(
      'POST',
      '/editor/save',
      { name: 'Bob’s', workflow_data: logWorkflow('secret') },
      asUser('bob'),
    );
    const run = await createInstanceVia(t, callsWorkflow(saved.body.workflow_id), asUser('alice'));
    await executeVia(t, run.instance_id, {}, asUser('alice'));
    const status = await waitForFinalStatus(t, run.instance_id, asUser('alice'));
    expect(status.status).toBe('failed');
    expect(status.error).toMatchObject({ code: 'FORBIDDEN', step_id: 'sub' });
  });
});
