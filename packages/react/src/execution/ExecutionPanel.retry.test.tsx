import {
  builtinComponents,
  ComponentCategory,
  defineComponent,
  ErrorCode,
  FlowloomError,
  type WorkflowDataInput,
} from '@flowloom/core';
import { fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { useWorkflowExecution } from '../hooks/useWorkflowExecution';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { loadWorkbench } from '../workbench/lazyWorkbenchPart';
import { ExecutionPanel } from './ExecutionPanel';

/** How many more times the flaky step fails before it succeeds. */
let failuresLeft = 0;

/** A step that fails while `failuresLeft` is above zero: a service that is down, then back. */
const Flaky = defineComponent({
  type: 'flaky',
  name: 'Flaky',
  description: 'Fails, then works',
  category: ComponentCategory.UTILITIES,
  icon: 'BoltIcon',
  color: 'from-amber-500 to-orange-600',
  parameters: [],
  input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
  output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
  async execute() {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new FlowloomError(ErrorCode.STEP_FAILED, 'The service is down');
    }
    return { success: true, output_data: { ok: true } };
  },
});

/** Trigger → flaky → log. */
const workflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'call', type: 'flaky' },
    { id: 'say', type: 'log', data: { parameters: { message: 'done' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'call' },
    { id: 'e2', source: 'call', target: 'say' },
  ],
};

const handlers = createWorkflowHandlers({ components: [...builtinComponents, Flaky] });
const server = setupServer(...handlers);
let client: WorkflowClient;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// The panel loads on demand: load its chunk once, outside the tests' time.
beforeAll(() => loadWorkbench());
beforeEach(() => {
  client = createWorkflowClient();
  failuresLeft = 1;
});
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
});
afterAll(() => server.close());

/** Creates and executes the workflow; resolves to the instance id. */
async function startRun(data: WorkflowDataInput = workflow): Promise<string> {
  const created = await client.createInstance({ name: 'Flaky run', workflow_data: data });
  if (!created.success) throw new Error(created.error.message);
  const executed = await client.executeInstance(created.data.instance_id);
  if (!executed.success) throw new Error(executed.error.message);
  return created.data.instance_id;
}

/** Renders the panel and waits for it to load (it is loaded on demand). */
function renderPanel(instanceId: string) {
  render(
    <WorkflowProvider client={client}>
      <ExecutionPanel instanceId={instanceId} />
    </WorkflowProvider>,
  );
  return screen.findByRole('region', { name: 'Execution' });
}

const retryButton = () => screen.queryByRole('button', { name: 'Retry from failed step' });
const eventTypes = (panel: HTMLElement) =>
  [...panel.querySelectorAll('[data-event-type]')].map((row) =>
    row.getAttribute('data-event-type'),
  );

describe('ExecutionPanel: Retry from failed step', () => {
  it('retries a failed run and keeps following the same instance to its end', async () => {
    const instanceId = await startRun();
    const panel = await renderPanel(instanceId);
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'failed'));
    expect(screen.getByRole('alert')).toHaveTextContent('The service is down');

    fireEvent.click(retryButton()!);
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    expect(retryButton()).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // The status is read again over REST after the retry; the events come over the socket.
    await waitFor(() => expect(eventTypes(panel)[0]).toBe('execution_completed'));
    expect(eventTypes(panel)).toContain('execution_retried');
    expect(screen.getByText('3 / 3 steps')).toBeInTheDocument();
  });

  it('starts one retry for a double click', async () => {
    const retries: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/retry')) retries.push(request.url);
    });
    const panel = await renderPanel(await startRun());
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'failed'));
    const button = retryButton()!;
    fireEvent.click(button);
    expect(button).toBeDisabled();
    fireEvent.click(button);
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    expect(retries).toHaveLength(1);
    server.events.removeAllListeners();
  });

  it('offers a retry for a cancelled run', async () => {
    const instanceId = await startRun({
      nodes: [
        { id: 'start', type: 'manual_trigger' },
        { id: 'wait', type: 'delay', data: { parameters: { ms: 60_000 } } },
      ],
      edges: [{ id: 'e1', source: 'start', target: 'wait' }],
    });
    const panel = await renderPanel(instanceId);
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'running'));
    expect(retryButton()).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'cancelled'));
    expect(retryButton()).toBeInTheDocument();
    fireEvent.click(retryButton()!);
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'running'));
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'cancelled'));
  });

  it('offers no retry for a completed run', async () => {
    failuresLeft = 0;
    const panel = await renderPanel(await startRun());
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    expect(retryButton()).toBeNull();
  });

  it("shows the server's refusal and lets the user try again", async () => {
    server.use(
      http.post('*/api/workflow/instances/:instance_id/retry', () =>
        HttpResponse.json(
          { error: { code: 'FORBIDDEN', message: 'You may not run this workflow' } },
          { status: 403 },
        ),
      ),
    );
    const panel = await renderPanel(await startRun());
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'failed'));
    fireEvent.click(retryButton()!);
    await waitFor(() =>
      expect(screen.getByText('You may not run this workflow')).toBeInTheDocument(),
    );
    expect(panel).toHaveAttribute('data-status', 'failed');
    await waitFor(() => expect(retryButton()).toBeEnabled());
  });
});

describe('useWorkflowExecution: retryWorkflow', () => {
  function wrapper({ children }: { children: ReactNode }) {
    return <WorkflowProvider client={client}>{children}</WorkflowProvider>;
  }

  it('continues the same events: one seq after another, completed steps not run again', async () => {
    const instanceId = await startRun();
    const { result } = renderHook(() => useWorkflowExecution(instanceId), { wrapper });
    await waitFor(() => expect(result.current.executionStatus?.status).toBe('failed'));
    const beforeRetry = result.current.executionEvents.length;

    const answer = await result.current.retryWorkflow();
    expect(answer).toEqual({ success: true, data: { instance_id: instanceId, status: 'running' } });
    await waitFor(() => expect(result.current.executionStatus?.status).toBe('completed'));

    const events = [...result.current.executionEvents].reverse();
    expect(events.length).toBeGreaterThan(beforeRetry);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(new Set(events.map((event) => event.instance_id))).toEqual(new Set([instanceId]));
    const completed = events.filter((event) => event.event_type === 'step_completed');
    expect(completed.map((event) => event.step_id)).toEqual(['start', 'call', 'say']);
    const attempts = events
      .filter((event) => event.event_type === 'step_started' && event.step_id === 'call')
      .map((event) => (event.data as { attempt: number }).attempt);
    expect(attempts).toEqual([1, 2]);
    expect(result.current.executionStatus?.steps.call?.attempts).toBe(2);
  });

  it('answers a retry of a completed run with 409 CONFLICT and shows it as the error', async () => {
    failuresLeft = 0;
    const instanceId = await startRun();
    const { result } = renderHook(() => useWorkflowExecution(instanceId), { wrapper });
    await waitFor(() => expect(result.current.executionStatus?.status).toBe('completed'));
    const answer = await result.current.retryWorkflow();
    expect(answer).toMatchObject({ success: false, error: { code: 'CONFLICT', status: 409 } });
    await waitFor(() => expect(result.current.error).toMatchObject({ code: 'CONFLICT' }));
  });

  it('needs an instance: without one it fails without a request', async () => {
    const { result } = renderHook(() => useWorkflowExecution(), { wrapper });
    expect(await result.current.retryWorkflow()).toMatchObject({
      success: false,
      error: { code: 'VALIDATION_FAILED', status: 0 },
    });
  });
});
