import { act, renderHook, waitFor } from '@testing-library/react';
import { type ReactNode, StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { makeEvent, makeStatus } from './executionFixtures.test-helpers';
import { FakeWorkflowClient } from './fakeWorkflowClient.test-helpers';
import { useWorkflowExecution } from './useWorkflowExecution';
import { WorkflowProvider } from './WorkflowProvider';

function setup(instanceId?: string, client = new FakeWorkflowClient()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <WorkflowProvider client={client}>{children}</WorkflowProvider>
  );
  const hook = renderHook((props: { id?: string }) => useWorkflowExecution(props.id), {
    wrapper,
    initialProps: { id: instanceId },
  });
  return { client, ...hook };
}

const started = (seq: number, instanceId = 'inst_1') =>
  makeEvent(
    seq,
    'execution_started',
    { input_data: {}, variables: { v: 1 }, total_steps: 2 },
    undefined,
    instanceId,
  );

describe('useWorkflowExecution with an instance id', () => {
  it('subscribes from the first event and fetches the status', async () => {
    const client = new FakeWorkflowClient();
    client.statuses.set('inst_1', makeStatus('inst_1', 'pending', ['a', 'b']));
    const { result } = setup('inst_1', client);
    expect(client.openSubscriptions('inst_1')).toHaveLength(1);
    expect(client.calls.find((c) => c.method === 'subscribe')!.args).toEqual(['inst_1', 0]);
    await waitFor(() => expect(result.current.executionStatus?.status).toBe('pending'));
    expect(result.current.executionStatus?.progress).toEqual({ completed: 0, total: 2 });
  });

  it('shows events newest first, logs in order, and a status kept current by events', async () => {
    const client = new FakeWorkflowClient();
    client.statuses.set('inst_1', makeStatus('inst_1', 'pending', ['a', 'b']));
    const { result } = setup('inst_1', client);
    await waitFor(() => expect(result.current.executionStatus).not.toBeNull());
    await act(async () => {
      client.setConnected('inst_1', true);
      client.emit(started(1));
      client.emit(makeEvent(2, 'step_started', { attempt: 1 }, 'a'));
      client.emit(makeEvent(3, 'log', { level: 'info', message: 'first', data: { n: 1 } }, 'a'));
      client.emit(makeEvent(4, 'log', { level: 'warn', message: 'second' }, 'a'));
      client.emit(
        makeEvent(
          5,
          'step_completed',
          { output_data: { ok: true }, output_handles: ['output'], duration_ms: 3, attempts: 1 },
          'a',
        ),
      );
    });
    const { executionEvents, executionLogs, executionStatus, isConnected } = result.current;
    expect(isConnected).toBe(true);
    expect(executionEvents.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(executionLogs).toEqual([
      {
        instance_id: 'inst_1',
        seq: 3,
        step_id: 'a',
        level: 'info',
        message: 'first',
        data: { n: 1 },
        timestamp: expect.any(String),
      },
      {
        instance_id: 'inst_1',
        seq: 4,
        step_id: 'a',
        level: 'warn',
        message: 'second',
        timestamp: expect.any(String),
      },
    ]);
    expect(executionStatus).toMatchObject({
      status: 'running',
      progress: { completed: 1, total: 2 },
      steps: { a: { status: 'completed', output_data: { ok: true } }, b: { status: 'pending' } },
      variables: { v: 1 },
    });
  });

  it('takes the server’s status when the run ends', async () => {
    const client = new FakeWorkflowClient();
    client.statuses.set('inst_1', makeStatus('inst_1', 'running', ['a']));
    const { result } = setup('inst_1', client);
    await waitFor(() => expect(result.current.executionStatus?.status).toBe('running'));
    client.statuses.set('inst_1', {
      ...makeStatus('inst_1', 'completed', ['a']),
      variables: { from: 'server' },
    });
    await act(async () => {
      client.emit(
        makeEvent(1, 'execution_completed', {
          duration_ms: 9,
          progress: { completed: 1, total: 1 },
        }),
      );
    });
    await waitFor(() =>
      expect(result.current.executionStatus?.variables).toEqual({ from: 'server' }),
    );
    expect(result.current.executionStatus?.status).toBe('completed');
    expect(client.calls.filter((c) => c.method === 'getStatus')).toHaveLength(2);
  });

  it('follows the connection state', async () => {
    const { client, result } = setup('inst_1');
    expect(result.current.isConnected).toBe(false);
    await act(async () => client.setConnected('inst_1', true));
    expect(result.current.isConnected).toBe(true);
    await act(async () => client.setConnected('inst_1', false));
    expect(result.current.isConnected).toBe(false);
  });

  it('surfaces a refused subscription in error', async () => {
    const { client, result } = setup('inst_1');
    await act(async () => {
      client
        .openSubscriptions('inst_1')[0]!
        .options?.onError?.({ code: 'NOT_FOUND', message: 'gone', status: 404 });
    });
    expect(result.current.error).toEqual({ code: 'NOT_FOUND', message: 'gone', status: 404 });
    expect(result.current.isConnected).toBe(false);
  });

  it('stops the followed instance and shows the status the stop returns', async () => {
    const client = new FakeWorkflowClient();
    client.statuses.set('inst_1', makeStatus('inst_1', 'running', ['a']));
    const { result } = setup('inst_1', client);
    await waitFor(() => expect(result.current.executionStatus?.status).toBe('running'));
    let stopped: Awaited<ReturnType<typeof result.current.stopWorkflow>> | undefined;
    await act(async () => {
      stopped = await result.current.stopWorkflow();
    });
    expect(stopped?.success).toBe(true);
    expect(client.calls.find((c) => c.method === 'stopInstance')!.args).toEqual(['inst_1']);
    expect(result.current.executionStatus?.status).toBe('cancelled');
  });

  it('closes the subscription on unmount and starts over for another instance', async () => {
    const { client, result, rerender, unmount } = setup('inst_1');
    await act(async () => client.emit(started(1)));
    expect(result.current.executionEvents).toHaveLength(1);
    rerender({ id: 'inst_2' });
    expect(client.openSubscriptions().map((s) => s.instanceId)).toEqual(['inst_2']);
    await waitFor(() => expect(result.current.executionStatus?.instance_id).toBe('inst_2'));
    expect(result.current.executionEvents).toEqual([]);
    // A late event of the old instance is not shown.
    await act(async () =>
      client.subscriptions[0]!.onEvent(makeEvent(2, 'log', { level: 'info', message: 'late' })),
    );
    expect(result.current.executionEvents).toEqual([]);
    unmount();
    expect(client.openSubscriptions()).toEqual([]);
  });

  it('executes the followed instance and keeps following it', async () => {
    const { client, result } = setup('inst_1');
    await act(async () => {
      await result.current.executeWorkflow('inst_1', { x: 1 });
    });
    expect(client.calls.find((c) => c.method === 'executeInstance')!.args).toEqual([
      'inst_1',
      { x: 1 },
    ]);
    expect(result.current.executionStatus?.status).toBe('running');
    expect(client.openSubscriptions().map((s) => s.instanceId)).toEqual(['inst_1']);
  });
});

describe('useWorkflowExecution under StrictMode', () => {
  it('keeps exactly one live subscription and shows its events', async () => {
    const client = new FakeWorkflowClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode>
        <WorkflowProvider client={client}>{children}</WorkflowProvider>
      </StrictMode>
    );
    const { result } = renderHook(() => useWorkflowExecution('inst_1'), { wrapper });
    expect(client.openSubscriptions('inst_1')).toHaveLength(1);
    await act(async () => client.emit(started(1)));
    expect(result.current.executionEvents.map((e) => e.seq)).toEqual([1]);
  });
});

describe('useWorkflowExecution without an instance id', () => {
  it('is idle until it executes, then follows the executed instance', async () => {
    const { client, result } = setup();
    expect(result.current).toMatchObject({
      executionStatus: null,
      executionEvents: [],
      executionLogs: [],
      isConnected: false,
    });
    expect(client.subscriptions).toEqual([]);
    client.onExecute = (id) => {
      client.emit(started(1, id));
      client.emit(
        makeEvent(
          2,
          'execution_completed',
          { duration_ms: 1, progress: { completed: 0, total: 0 } },
          undefined,
          id,
        ),
      );
      client.statuses.set(id, makeStatus(id, 'completed'));
    };
    let executed: Awaited<ReturnType<typeof result.current.executeWorkflow>> | undefined;
    await act(async () => {
      executed = await result.current.executeWorkflow('inst_7', { test: true });
    });
    expect(executed).toEqual({ success: true, data: { instance_id: 'inst_7', status: 'running' } });
    expect(client.openSubscriptions().map((s) => s.instanceId)).toEqual(['inst_7']);
    await waitFor(() => expect(result.current.executionStatus?.status).toBe('completed'));
    expect(result.current.executionEvents.map((e) => e.event_type)).toEqual([
      'execution_completed',
      'execution_started',
    ]);
  });

  it('surfaces a failed execution in the result and in error', async () => {
    const { client, result } = setup();
    client.failNext('executeInstance', {
      code: 'CONFLICT',
      status: 409,
      message: 'already running',
    });
    let executed: Awaited<ReturnType<typeof result.current.executeWorkflow>> | undefined;
    await act(async () => {
      executed = await result.current.executeWorkflow('inst_1');
    });
    expect(executed).toMatchObject({ success: false, error: { code: 'CONFLICT' } });
    expect(result.current.error).toMatchObject({ code: 'CONFLICT', status: 409 });
  });

  it('refuses to stop when no instance is known, without calling the server', async () => {
    const { client, result } = setup();
    let stopped: Awaited<ReturnType<typeof result.current.stopWorkflow>> | undefined;
    await act(async () => {
      stopped = await result.current.stopWorkflow();
    });
    expect(stopped).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED' } });
    expect(client.calls.some((c) => c.method === 'stopInstance')).toBe(false);
  });

  it('stops a given instance', async () => {
    const { client, result } = setup();
    await act(async () => {
      await result.current.stopWorkflow('inst_3');
    });
    expect(client.calls.find((c) => c.method === 'stopInstance')!.args).toEqual(['inst_3']);
  });
});
