import type { WorkflowDataInput } from '@flowloom/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { loadWorkbench } from '../workbench/lazyWorkbenchPart';
import { ExecutionPanel, type ExecutionPanelProps } from './ExecutionPanel';

const handlers = createWorkflowHandlers();
const server = setupServer(...handlers);
let client: WorkflowClient;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
// The panel loads on demand: load its chunk once, outside the tests' time.
beforeAll(() => loadWorkbench());
beforeEach(() => {
  client = createWorkflowClient();
});
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
});
afterAll(() => server.close());

/** Trigger → a labelled transform (a fixed order) → a labelled log. */
const orderWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger', data: { parameters: {}, label: 'New order' } },
    {
      id: 'shape',
      type: 'transform',
      data: {
        parameters: { mapping: { order: { id: 'A-1', 'line items': [{ sku: 'X' }] } } },
        label: 'Shape order',
      },
    },
    {
      id: 'say',
      type: 'log',
      data: { parameters: { message: 'Order {{ steps.shape.order.id }}' }, label: 'Announce' },
    },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'shape' },
    { id: 'e2', source: 'shape', target: 'say' },
  ],
};

/** Trigger → an approval wait → log. */
const approvalWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'approve', type: 'wait', data: { parameters: { mode: 'resume' }, label: 'Manager OK' } },
    { id: 'say', type: 'log', data: { parameters: { message: 'approved' } } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'approve' },
    { id: 'e2', source: 'approve', target: 'say', sourceHandle: 'output' },
  ],
};

/** Trigger → a ten-minute delay: a run that stays running until stopped. */
const slowWorkflow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'wait', type: 'delay', data: { parameters: { ms: 600_000 }, label: 'Wait a while' } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'wait' }],
};

function dataOf<T>(result: { success: true; data: T } | { success: false; error: unknown }): T {
  if (!result.success) throw new Error(JSON.stringify(result.error));
  return result.data;
}

/** Saves `workflow`, creates a run of it and executes it; resolves to the ids. */
async function startRun(workflow: WorkflowDataInput, name = 'Orders') {
  const saved = dataOf(await client.saveWorkflow({ name, workflow_data: workflow }));
  const created = dataOf(
    await client.createInstance({ name, workflow_id: saved.workflow_id, version: saved.version }),
  );
  dataOf(await client.executeInstance(created.instance_id));
  return { workflowId: saved.workflow_id, instanceId: created.instance_id };
}

async function renderPanel(props: ExecutionPanelProps) {
  render(
    <WorkflowProvider client={client}>
      <ExecutionPanel {...props} />
    </WorkflowProvider>,
  );
  return screen.findByRole('region', { name: 'Execution' });
}

const eventsList = () => screen.getByRole('list', { name: 'Events' });

describe('the execution panel as a workbench', () => {
  it('names steps by their label, not their id', async () => {
    const { instanceId } = await startRun(orderWorkflow);
    const panel = await renderPanel({ instanceId });
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    await waitFor(() =>
      expect(within(eventsList()).getAllByRole('button', { name: 'Shape order' }).length).toBe(2),
    );
    expect(within(eventsList()).queryByRole('button', { name: 'shape' })).toBeNull();
    expect(
      within(screen.getByLabelText('Step'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All steps', 'New order', 'Shape order', 'Announce']);
  });

  it('copies the expression that reads an output value when it is clicked', async () => {
    const user = userEvent.setup();
    const { instanceId } = await startRun(orderWorkflow);
    const panel = await renderPanel({ instanceId });
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    await user.click(
      (await within(eventsList()).findAllByRole('button', { name: 'Shape order' }))[0]!,
    );
    const output = await screen.findByRole('list', { name: 'Output of Shape order' });
    await user.click(within(output).getByRole('button', { name: 'Expand order' }));
    await user.click(within(output).getByRole('button', { name: 'Expand line items' }));
    await user.click(
      within(output).getByRole('button', { name: 'Copy {{ steps.shape.order["line items"][0] }}' }),
    );
    expect(await navigator.clipboard.readText()).toBe('{{ steps.shape.order["line items"][0] }}');
    expect(screen.getByText('Copied {{ steps.shape.order["line items"][0] }}')).toHaveAttribute(
      'role',
      'status',
    );
  });

  it('shows a step’s input (resolved parameters) and the handles it took', async () => {
    const { instanceId } = await startRun(orderWorkflow);
    const panel = await renderPanel({ instanceId });
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    fireEvent.click(within(eventsList()).getAllByRole('button', { name: 'Announce' })[0]!);
    const input = await screen.findByRole('list', { name: 'Input of Announce' });
    expect(
      within(input)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toContain('message: "Order A-1"');
    expect(screen.getByText('Took output')).toBeInTheDocument();
    expect(screen.getByText('1 attempt')).toBeInTheDocument();
  });

  it('replays the run to an earlier event with the timeline', async () => {
    const { instanceId } = await startRun(orderWorkflow);
    const panel = await renderPanel({ instanceId });
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    const slider = await screen.findByRole('slider', { name: 'Timeline' });
    const total = Number(slider.getAttribute('max'));
    expect(slider).toHaveValue(String(total));
    expect(screen.getByText('3 / 3 steps')).toBeInTheDocument();

    // The moment the transform had started, before it completed.
    fireEvent.change(slider, { target: { value: '4' } });
    expect(slider).toHaveAttribute('aria-valuetext', expect.stringMatching(/^Event 4 of \d+: /));
    expect(screen.getByText('1 / 3 steps')).toBeInTheDocument();
    expect(within(eventsList()).getAllByRole('listitem')).toHaveLength(4);
    fireEvent.click(within(eventsList()).getAllByRole('button', { name: 'Shape order' })[0]!);
    const step = await screen.findByRole('region', { name: 'Step Shape order' });
    expect(within(step).getByText('Running')).toBeInTheDocument();
    expect(within(step).getByText('No output yet.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Run' }));
    await userEvent.click(screen.getByRole('button', { name: 'Latest' }));
    expect(screen.getByRole('slider', { name: 'Timeline' })).toHaveValue(String(total));
    expect(screen.getByText('3 / 3 steps')).toBeInTheDocument();
  });

  it('approves a step waiting to be resumed, and the run goes on', async () => {
    const { instanceId } = await startRun(approvalWorkflow);
    const panel = await renderPanel({ instanceId });
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'waiting'));
    const waiting = await screen.findByRole('region', { name: 'Waiting steps' });
    expect(waiting).toHaveTextContent('Manager OK waits for approval');
    await userEvent.click(within(waiting).getByRole('button', { name: 'Approve Manager OK' }));
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    const status = dataOf(await client.getStatus(instanceId));
    expect(status.steps.approve?.output_data).toEqual({ approved: true });
    expect(screen.queryByRole('region', { name: 'Waiting steps' })).toBeNull();
  });

  it('shows a step that Stop ended as cancelled', async () => {
    const { instanceId } = await startRun(slowWorkflow);
    const panel = await renderPanel({ instanceId });
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'running'));
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'cancelled'));
    fireEvent.click(within(eventsList()).getAllByRole('button', { name: 'Wait a while' })[0]!);
    const step = await screen.findByRole('region', { name: 'Step Wait a while' });
    expect(within(step).getByText('Cancelled')).toHaveAttribute('data-status', 'cancelled');
  });

  it('lists the workflow’s runs in the History tab and opens one', async () => {
    const { workflowId, instanceId: first } = await startRun(orderWorkflow);
    const second = dataOf(await client.createInstance({ name: 'Orders', workflow_id: workflowId }));
    dataOf(await client.executeInstance(second.instance_id));
    const panel = await renderPanel({ workflowId });
    await userEvent.click(screen.getByRole('tab', { name: 'History' }));
    const history = await screen.findByRole('region', { name: 'Run history' });
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(3));
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-instance-id'))).toEqual([
      second.instance_id,
      first,
    ]);
    await userEvent.click(within(rows[1]!).getByRole('button', { name: /^Open the run started/ }));
    expect(screen.getByRole('tab', { name: 'Run' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(panel).toHaveAttribute('data-instance-id', first));
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    expect(screen.getByText('A run of version 1 from history.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close this run' }));
    expect(panel).not.toHaveAttribute('data-instance-id');
  });

  it('pages through older runs by cursor', async () => {
    const { workflowId } = await startRun(orderWorkflow);
    for (let index = 0; index < 21; index += 1) {
      dataOf(await client.createInstance({ name: `Run ${index}`, workflow_id: workflowId }));
    }
    await renderPanel({ workflowId });
    await userEvent.click(screen.getByRole('tab', { name: 'History' }));
    const history = await screen.findByRole('region', { name: 'Run history' });
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(21));
    expect(within(history).getByText('20 of 22')).toBeInTheDocument();
    await userEvent.click(within(history).getByRole('button', { name: 'Show older runs' }));
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(23));
    expect(within(history).queryByRole('button', { name: 'Show older runs' })).toBeNull();
  });

  it('links a run to the sub-workflow runs it started, and back', async () => {
    const child = dataOf(
      await client.saveWorkflow({ name: 'Child', workflow_data: orderWorkflow }),
    );
    const { instanceId: parent } = await startRun(
      {
        nodes: [
          { id: 'start', type: 'manual_trigger' },
          {
            id: 'sub',
            type: 'sub_workflow',
            data: { parameters: { workflow_id: child.workflow_id }, label: 'Run child' },
          },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'sub' }],
      },
      'Parent',
    );
    const panel = await renderPanel({ instanceId: parent });
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    const related = await screen.findByRole('region', { name: 'Related runs' });
    const open = await within(related).findByRole('button', {
      name: /^Open sub-workflow run Child/,
    });
    await userEvent.click(open);
    await waitFor(() => expect(panel).not.toHaveAttribute('data-instance-id', parent));
    await waitFor(() => expect(panel).toHaveAttribute('data-status', 'completed'));
    const back = await screen.findByRole('button', {
      name: `Open the run ${parent} that started this one`,
    });
    await userEvent.click(back);
    await waitFor(() => expect(panel).toHaveAttribute('data-instance-id', parent));
  });
});
