import type { WorkflowData } from '@flowloom/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import {
  canvasNodes,
  saveInBackend,
  toolbarButton,
  triggerThenLog,
  waitForIdleToolbar,
} from '../editor/editorTestKit.test-helpers';
import { WorkflowEditor } from '../editor/WorkflowEditor';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { loadWorkbench } from '../workbench/lazyWorkbenchPart';

const handlers = createWorkflowHandlers();
const server = setupServer(...handlers);
let client: WorkflowClient;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// The panel loads on demand: load its chunk once, outside the tests' time.
beforeAll(() => loadWorkbench());
beforeEach(() => {
  client = createWorkflowClient();
  localStorage.clear();
});
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
});
afterAll(() => server.close());

/** Trigger → a ten-minute delay. */
const slow: WorkflowData = {
  nodes: [
    { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
    {
      id: 'wait',
      type: 'delay',
      position: { x: 300, y: 0 },
      data: { parameters: { ms: 600_000 } },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'wait' }],
};

function dataOf<T>(result: { success: true; data: T } | { success: false; error: unknown }): T {
  if (!result.success) throw new Error(JSON.stringify(result.error));
  return result.data;
}

async function openEditor(workflowId: string, nodes = 2) {
  render(<WorkflowEditor client={client} workflowId={workflowId} />);
  await waitFor(() => expect(canvasNodes()).toHaveLength(nodes));
}

/** Runs the saved workflow (as another tab would) and waits for it to end. */
async function runToEnd(workflowId: string, version?: number) {
  const created = dataOf(
    await client.createInstance({ name: 'Run', workflow_id: workflowId, version }),
  );
  dataOf(await client.executeInstance(created.instance_id));
  await waitFor(async () =>
    expect(dataOf(await client.getStatus(created.instance_id)).status).toBe('completed'),
  );
  return created.instance_id;
}

const nodeStatus = (id: string) =>
  canvasNodes()
    .find((node) => node.dataset.id === id)
    ?.querySelector('.flowloom-node')
    ?.getAttribute('data-status') ?? null;

async function executeToEnd() {
  await waitForIdleToolbar();
  fireEvent.click(toolbarButton('Execute'));
  const panel = await screen.findByRole('region', { name: 'Execution' });
  await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
  return panel;
}

async function openHistory() {
  await userEvent.click(screen.getByRole('button', { name: 'Runs' }));
  await userEvent.click(await screen.findByRole('tab', { name: 'History' }));
  return screen.findByRole('region', { name: 'Run history' });
}

describe('the run side of the editor', () => {
  it('opens the execution panel from its bar and lists the workflow’s runs, newest first', async () => {
    const saved = await saveInBackend(handlers, 'Nightly');
    const older = await runToEnd(saved.workflow_id);
    const newer = await runToEnd(saved.workflow_id);
    await openEditor(saved.workflow_id);
    const history = await openHistory();
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(3));
    expect(
      within(history)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.getAttribute('data-instance-id')),
    ).toEqual([newer, older]);
  });

  it('shows what a node received and returned when it is selected after a run', async () => {
    const saved = await saveInBackend(handlers, 'Nightly', triggerThenLog('hello there'));
    await openEditor(saved.workflow_id);
    await executeToEnd();
    fireEvent.click(canvasNodes().find((node) => node.dataset.id === 'say')!);
    expect(await screen.findByRole('tab', { name: 'Step data' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    const step = await screen.findByRole('region', { name: 'Step Log' });
    const input = within(step).getByRole('list', { name: 'Input of Log' });
    expect(
      within(input)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toContain('message: "hello there"');
    expect(within(step).getByRole('list', { name: 'Output of Log' })).toBeInTheDocument();
  });

  it('replays the canvas to an earlier moment with the timeline', async () => {
    const saved = await saveInBackend(handlers, 'Nightly');
    await openEditor(saved.workflow_id);
    await executeToEnd();
    await waitFor(() => expect(nodeStatus('say')).toBe('completed'));
    const slider = await screen.findByRole('slider', { name: 'Timeline' });
    // execution_started, then the trigger's step_started and step_completed.
    fireEvent.change(slider, { target: { value: '3' } });
    await waitFor(() => expect(nodeStatus('say')).toBeNull());
    expect(nodeStatus('start')).toBe('completed');
    fireEvent.change(slider, { target: { value: '2' } });
    await waitFor(() => expect(nodeStatus('start')).toBe('running'));
    await userEvent.click(screen.getByRole('button', { name: 'Latest' }));
    await waitFor(() => expect(nodeStatus('say')).toBe('completed'));
    expect(nodeStatus('start')).toBe('completed');
  });

  it('shows a step that Stop ended as Cancelled on the canvas', async () => {
    const saved = await saveInBackend(handlers, 'Slow', slow);
    await openEditor(saved.workflow_id);
    await waitForIdleToolbar();
    fireEvent.click(toolbarButton('Execute'));
    const panel = await screen.findByRole('region', { name: 'Execution' });
    await waitFor(() => expect(nodeStatus('wait')).toBe('running'));
    await userEvent.click(within(panel).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(nodeStatus('wait')).toBe('cancelled'));
    const wait = canvasNodes().find((node) => node.dataset.id === 'wait')!;
    expect(within(wait).getByText('Cancelled')).toBeInTheDocument();
  });

  it('clears "Execution started." once the run has ended', async () => {
    const saved = await saveInBackend(handlers, 'Slow', slow);
    await openEditor(saved.workflow_id);
    await waitForIdleToolbar();
    fireEvent.click(toolbarButton('Execute'));
    expect(await screen.findByText('Execution started.')).toBeInTheDocument();
    const panel = await screen.findByRole('region', { name: 'Execution' });
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'running'));
    expect(screen.getByText('Execution started.')).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(screen.queryByText('Execution started.')).toBeNull());
  });

  it('shows a run of an older version read-only, then gives back the editor’s unsaved work', async () => {
    const first = await saveInBackend(handlers, 'Nightly', triggerThenLog('one'));
    const oldRun = await runToEnd(first.workflow_id, 1);
    const three: WorkflowData = {
      ...triggerThenLog('two'),
      nodes: [
        ...triggerThenLog('two').nodes,
        {
          id: 'more',
          type: 'log',
          position: { x: 600, y: 0 },
          data: { parameters: { message: 'x' } },
        },
      ],
    };
    await saveInBackend(handlers, 'Nightly', three, first.workflow_id);
    await openEditor(first.workflow_id, 3);
    fireEvent.change(screen.getByLabelText('Workflow name'), { target: { value: 'Renamed' } });
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();

    const history = await openHistory();
    const row = await waitFor(() => {
      const found = within(history)
        .getAllByRole('row')
        .find((candidate) => candidate.getAttribute('data-instance-id') === oldRun);
      if (!found) throw new Error('The run is not listed yet');
      return found;
    });
    await userEvent.click(within(row).getByRole('button', { name: /^Open the run started/ }));

    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    expect(
      await screen.findByText('Version 1 is shown read-only on the canvas.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Workflow name')).toHaveValue('Nightly');
    expect(screen.getByRole('toolbar', { name: 'Workflow' })).toHaveAttribute('inert');
    expect(screen.getByRole('complementary', { name: 'Components' })).toHaveAttribute('inert');
    await waitFor(() => expect(nodeStatus('say')).toBe('completed'));

    await userEvent.click(screen.getByRole('button', { name: 'Close this run' }));
    await waitFor(() => expect(canvasNodes()).toHaveLength(3));
    expect(screen.getByLabelText('Workflow name')).toHaveValue('Renamed');
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    expect(screen.getByRole('toolbar', { name: 'Workflow' })).not.toHaveAttribute('inert');
    expect(nodeStatus('say')).toBeNull();
  });

  it('keeps the Run tab when a run is opened from History while a node is selected', async () => {
    const saved = await saveInBackend(handlers, 'Nightly');
    await runToEnd(saved.workflow_id);
    await openEditor(saved.workflow_id);
    await executeToEnd();
    fireEvent.click(canvasNodes().find((node) => node.dataset.id === 'say')!);
    await screen.findByRole('region', { name: 'Step Log' });
    await userEvent.click(screen.getByRole('tab', { name: 'History' }));
    const history = await screen.findByRole('region', { name: 'Run history' });
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(3));
    const older = within(history).getAllByRole('row')[2]!;
    await userEvent.click(within(older).getByRole('button', { name: /^Open the run started/ }));
    expect(await screen.findByRole('slider', { name: 'Timeline' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Run' })).toHaveAttribute('aria-selected', 'true');
  });
});
