// biome-ignore-all format: the seed's samples are kept verbatim
// biome-ignore-all lint: the seed's samples are kept verbatim
// The seed's usage examples 3 and 4 (workflow-builder-guide.md), verbatim but for the imports.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { FakeWorkflowClient, makeEvent, makeStatus } from './fakeWorkflowClient.test-helpers';
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

/** A client whose executions run at once: started, then completed, events over the socket. */
function runningClient() {
  const client = new FakeWorkflowClient();
  client.onExecute = (instanceId) => {
    client.setConnected(instanceId, true);
    client.emit(
      makeEvent(
        1,
        'execution_started',
        { input_data: { test: true }, variables: {}, total_steps: 0 },
        undefined,
        instanceId,
      ),
    );
    client.emit(
      makeEvent(
        2,
        'execution_completed',
        { duration_ms: 4, progress: { completed: 0, total: 0 } },
        undefined,
        instanceId,
      ),
    );
    client.statuses.set(instanceId, makeStatus(instanceId, 'completed'));
  };
  return client;
}

function withClient(client: FakeWorkflowClient, children: ReactNode) {
  return <WorkflowProvider client={client}>{children}</WorkflowProvider>;
}

describe('seed sample 3: WorkflowManager', () => {
  it('creates and executes a workflow, then shows "Status: completed"', async () => {
    const client = runningClient();
    render(withClient(client, <WorkflowManager />));
    expect(screen.queryByText(/Status:/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('Create and Execute Workflow'));
    await waitFor(() => expect(screen.getByText('Status: completed')).toBeInTheDocument());
    expect(client.calls.find((c) => c.method === 'executeInstance')!.args).toEqual([
      'inst_1',
      { test: true },
    ]);
    expect(client.calls.find((c) => c.method === 'createInstance')!.args[0]).toEqual({
      name: 'My Test Workflow',
      workflow_data: { nodes: [], edges: [] },
    });
  });
});

describe('seed sample 4: ExecutionMonitor', () => {
  it('shows the connection, the status and the five most recent events, newest first', async () => {
    const client = runningClient();
    client.statuses.set('inst_9', makeStatus('inst_9', 'pending', ['a']));
    render(withClient(client, <ExecutionMonitor instanceId="inst_9" />));
    expect(screen.getByText('Connection: Disconnected')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Status: pending')).toBeInTheDocument());
    await act(async () => {
      client.setConnected('inst_9', true);
      client.emit(
        makeEvent(
          1,
          'execution_started',
          { input_data: {}, variables: {}, total_steps: 1 },
          undefined,
          'inst_9',
        ),
      );
      client.emit(makeEvent(2, 'step_started', { attempt: 1 }, 'a', 'inst_9'));
      for (let seq = 3; seq <= 7; seq += 1) {
        client.emit(
          makeEvent(seq, 'log', { level: 'info', message: `line ${seq}` }, 'a', 'inst_9'),
        );
      }
    });
    expect(screen.getByText('Connection: Connected')).toBeInTheDocument();
    expect(screen.getByText('Status: running')).toBeInTheDocument();
    const recent = screen
      .getAllByText(/^(log|step_started|execution_started): /)
      .map((el) => el.textContent);
    expect(recent).toEqual(
      [7, 6, 5, 4, 3].map((seq) => `log: {"level":"info","message":"line ${seq}"}`),
    );

    client.statuses.set('inst_9', makeStatus('inst_9', 'completed', ['a']));
    await act(async () => {
      client.emit(
        makeEvent(
          8,
          'step_completed',
          { output_data: 1, output_handles: ['output'], duration_ms: 1, attempts: 1 },
          'a',
          'inst_9',
        ),
      );
      client.emit(
        makeEvent(
          9,
          'execution_completed',
          { duration_ms: 9, progress: { completed: 1, total: 1 } },
          undefined,
          'inst_9',
        ),
      );
    });
    await waitFor(() => expect(screen.getByText('Status: completed')).toBeInTheDocument());
    expect(screen.getAllByText(/: /)[2]).toHaveTextContent(/^execution_completed: /);
  });
});
