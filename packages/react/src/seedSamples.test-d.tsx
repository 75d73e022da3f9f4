// biome-ignore-all format: the seed's samples are kept verbatim
// biome-ignore-all assist/source/organizeImports: each sample keeps its own import lines
// biome-ignore-all lint: the seed's samples are kept verbatim
/**
 * The seed guide's frontend usage examples 2, 3 and 4, verbatim but for their import lines
 * (`@flowloom/react` is `./index` here). `vitest --typecheck` (and `tsc`) compiling this file is
 * the test that each sample works against the package as written.
 */
import type { ClientResult, InstanceSummary, WorkflowInstance } from './index';
import { describe, expectTypeOf, test } from 'vitest';

// ---- Sample 2: "Frontend - Using the Enhanced Editor" -------------------------------------
import React from 'react';
import { EnhancedWorkflowEditor } from './index';

function MyWorkflowApp() {
  return (
    <div className="h-screen">
      <EnhancedWorkflowEditor 
        workflowId="optional-existing-workflow-id"
        onBack={() => console.log('Navigate back')}
      />
    </div>
  );
}

// ---- Sample 3: "Frontend - Managing Workflow Instances" -----------------------------------
import { useWorkflowInstances, useWorkflowExecution } from './index';

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

// ---- Sample 4: "Real-time Execution Monitoring" -------------------------------------------
// (its `import { useWorkflowExecution } ...` line is the one of sample 3 above: a module
// cannot import the same name twice)

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

// ---- What the samples rely on, stated as types --------------------------------------------
describe('the seed frontend samples', () => {
  test('sample 2: the editor takes workflowId and onBack and renders as JSX', () => {
    expectTypeOf(MyWorkflowApp).returns.toEqualTypeOf<React.JSX.Element>();
    expectTypeOf(EnhancedWorkflowEditor).parameter(0).toHaveProperty('workflowId');
    expectTypeOf(EnhancedWorkflowEditor).parameter(0).toHaveProperty('onBack');
  });

  test('sample 3: createInstance resolves to a ClientResult of an instance', () => {
    expectTypeOf(WorkflowManager).returns.toEqualTypeOf<React.JSX.Element>();
    type Instances = ReturnType<typeof useWorkflowInstances>;
    expectTypeOf<Awaited<ReturnType<Instances['createInstance']>>>().toEqualTypeOf<
      ClientResult<WorkflowInstance>
    >();
    // The list holds run summaries: what a history shows, without each run's document.
    expectTypeOf<Instances['instances']>().toEqualTypeOf<InstanceSummary[]>();
  });

  test('sample 4: the execution hook gives events with event_type and data, logs and isConnected', () => {
    expectTypeOf(ExecutionMonitor).parameter(0).toEqualTypeOf<{ instanceId: string }>();
    type Execution = ReturnType<typeof useWorkflowExecution>;
    expectTypeOf<Execution['isConnected']>().toEqualTypeOf<boolean>();
    expectTypeOf<Execution['executionEvents'][number]['event_type']>().toBeString();
    expectTypeOf<Execution['executionLogs']>().toBeArray();
  });
});
