// biome-ignore-all format: the seed's samples are kept verbatim
// biome-ignore-all lint: the seed's samples are kept verbatim
// The seed's usage examples 3 and 4 (workflow-builder-guide.md), verbatim but for the imports,
// run through @flowloom/react's hooks against a real server on 127.0.0.1.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { logWorkflow, startTestServer } from '../client/workflowTestServer.test-helpers';
import { useWorkflowExecution } from './useWorkflowExecution';
import { useWorkflowInstances } from './useWorkflowInstances';
import { WorkflowProvider } from './WorkflowProvider';

// ---- sample 3, verbatim ----
function WorkflowManager() {
  const { instances, createInstance, fetchInstances } = useWorkflowInstances();
  const { executeWorkflow, executionStatus } = useWorkflowExecution();

  const handleCreateAndExecute = async () => {
    // Create new instance
    const result = await createInstance({
      name: "My Test Workflow",
      workflow_data: {
        nodes: [/* workflow nodes */],
        edges: [/* workflow edges */]
      }
    });

    if (result.success && result.data) {
      // Execute the instance
      await executeWorkflow(result.data.instance_id, { test: true });
    }
  };

  return (
    <div>
      <button onClick={handleCreateAndExecute}>
        Create and Execute Workflow
      </button>
      
      {executionStatus && (
        <div>Status: {executionStatus.status}</div>
      )}
    </div>
  );
}

// ---- sample 4, verbatim ----
function ExecutionMonitor({ instanceId }: { instanceId: string }) {
  const {
    executionStatus,
    executionEvents,
    executionLogs,
    isConnected
  } = useWorkflowExecution(instanceId);

  return (
    <div>
      <div>Connection: {isConnected ? 'Connected' : 'Disconnected'}</div>
      <div>Status: {executionStatus?.status}</div>
      
      <div>Recent Events:</div>
      {executionEvents.slice(0, 5).map((event, index) => (
        <div key={index}>
          {event.event_type}: {JSON.stringify(event.data)}
        </div>
      ))}
    </div>
  );
}
// ---- end of the samples ----

function withClient(client: WorkflowClient, children: ReactNode) {
  return <WorkflowProvider client={client}>{children}</WorkflowProvider>;
}

describe('seed sample 3: WorkflowManager', () => {
  it('creates the empty workflow and executes it to "Status: completed"', async () => {
    const server = await startTestServer();
    render(withClient(server.client(), <WorkflowManager />));
    expect(screen.queryByText(/Status:/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('Create and Execute Workflow'));
    await waitFor(() => expect(screen.getByText('Status: completed')).toBeInTheDocument(), {
      timeout: 5_000,
    });
    const { instances } = await server.workflows.store.listInstances();
    expect(instances).toHaveLength(1);
    expect(instances[0]).toMatchObject({
      name: 'My Test Workflow',
      status: 'completed',
      input_data: { test: true },
      workflow_data: { nodes: [], edges: [] },
    });
    const status = await server.workflows.engine.getStatus(instances[0]!.instance_id);
    expect(status.progress).toEqual({ completed: 0, total: 0 });
  });
});

describe('seed sample 4: ExecutionMonitor', () => {
  it('shows the connection, the status and the five most recent events of a real run, newest first', async () => {
    const server = await startTestServer();
    const client = server.client();
    const created = await client.createInstance({ name: 'Monitored', workflow_data: logWorkflow() });
    if (!created.success) throw new Error(created.error.message);
    const instanceId = created.data.instance_id;
    render(withClient(client, <ExecutionMonitor instanceId={instanceId} />));
    await waitFor(() => {
      expect(screen.getByText('Connection: Connected')).toBeInTheDocument();
      expect(screen.getByText('Status: pending')).toBeInTheDocument();
    });

    expect((await client.executeInstance(instanceId, {})).success).toBe(true);
    await waitFor(() => expect(screen.getByText('Status: completed')).toBeInTheDocument(), {
      timeout: 5_000,
    });
    const recent = screen.getAllByText(/^(execution|step|log)[a-z_]*: /).map((el) => el.textContent);
    expect(recent).toHaveLength(5);
    expect(recent[0]).toMatch(/^execution_completed: \{"duration_ms":\d+,"progress":\{"completed":4,"total":4\}\}$/);
    expect(recent).toContain('log: {"level":"info","message":"second line"}');
  });
});
