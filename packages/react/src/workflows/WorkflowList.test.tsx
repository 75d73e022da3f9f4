import type { WorkflowDataInput } from '@flowloom/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { loadWorkbench } from '../workbench/lazyWorkbenchPart';
import { WorkflowList, type WorkflowListProps } from './WorkflowList';

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
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const webhookFlow: WorkflowDataInput = {
  nodes: [
    { id: 'hook', type: 'webhook_trigger', data: { parameters: { path: '/orders' } } },
    { id: 'say', type: 'log', data: { parameters: { message: 'order' } } },
  ],
  edges: [{ id: 'e1', source: 'hook', target: 'say' }],
};
const manualFlow: WorkflowDataInput = {
  nodes: [
    { id: 'start', type: 'manual_trigger' },
    { id: 'say', type: 'log', data: { parameters: { message: 'hi' } } },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'say' }],
};

async function save(name: string, workflow: WorkflowDataInput) {
  const saved = await client.saveWorkflow({ name, workflow_data: workflow });
  if (!saved.success) throw new Error(saved.error.message);
  return saved.data.workflow_id;
}

async function renderList(props: Partial<WorkflowListProps> = {}) {
  render(
    <WorkflowProvider client={client}>
      <WorkflowList onOpen={vi.fn()} {...props} />
    </WorkflowProvider>,
  );
  return screen.findByRole('table');
}

const rowOf = (name: string) => screen.getByRole('button', { name: `Open ${name}` }).closest('tr')!;

describe('WorkflowList', () => {
  it('lists the saved workflows with their last run and opens one', async () => {
    const onOpen = vi.fn();
    const id = await save('Orders', manualFlow);
    await save('Fresh', manualFlow);
    const created = await client.createInstance({ name: 'Orders', workflow_id: id });
    if (!created.success) throw new Error(created.error.message);
    await client.executeInstance(created.data.instance_id);
    await waitFor(async () => {
      const status = await client.getStatus(created.data.instance_id);
      expect(status.success && status.data.status).toBe('completed');
    });
    await renderList({ onOpen });
    await waitFor(() =>
      expect(within(rowOf('Orders')).getByText('Completed')).toHaveAttribute(
        'data-status',
        'completed',
      ),
    );
    expect(await within(rowOf('Fresh')).findByText('Never run')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open Orders' }));
    expect(onOpen).toHaveBeenCalledWith(id);
  });

  it('shows each switch as the list says, reading no workflow one by one', async () => {
    const id = await save('Active orders', webhookFlow);
    await save('Manual', manualFlow);
    const activated = await client.activateWorkflow(id);
    expect(activated.success).toBe(true);
    const reads = vi.spyOn(client, 'getWorkflow');
    await renderList();
    expect(screen.getByRole('switch', { name: 'Active: Active orders' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(screen.getByRole('switch', { name: 'Active: Manual' })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    expect(await within(rowOf('Manual')).findByText('Never run')).toBeInTheDocument();
    expect(reads).not.toHaveBeenCalled();
  });

  it('activates and deactivates a workflow with its switch', async () => {
    const id = await save('Webhook orders', webhookFlow);
    await renderList();
    const toggle = screen.getByRole('switch', { name: 'Active: Webhook orders' });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'true'));
    expect((await client.getWorkflow(id)).success && (await client.getWorkflow(id))).toMatchObject({
      data: { active: true },
    });
    await userEvent.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'));
  });

  it('says why a workflow without a webhook or schedule trigger can’t be activated', async () => {
    await save('By hand', manualFlow);
    await renderList();
    const toggle = screen.getByRole('switch', { name: 'Active: By hand' });
    await waitFor(() => expect(toggle).toBeEnabled());
    await userEvent.click(toggle);
    expect(await within(rowOf('By hand')).findByRole('alert')).toHaveTextContent(
      'Activation failed: The workflow has no webhook or schedule trigger',
    );
    expect(toggle).toHaveAttribute('aria-checked', 'false');
  });

  it('duplicates a workflow as "<name> (copy)"', async () => {
    const onDuplicated = vi.fn();
    await save('Orders', manualFlow);
    await renderList({ onDuplicated });
    await userEvent.click(screen.getByRole('button', { name: 'Duplicate Orders' }));
    expect(await screen.findByRole('button', { name: 'Open Orders (copy)' })).toBeInTheDocument();
    const list = await client.listWorkflows();
    if (!list.success) throw new Error(list.error.message);
    const copy = list.data.workflows.find((w) => w.name === 'Orders (copy)');
    expect(onDuplicated).toHaveBeenCalledWith(copy?.workflow_id);
  });

  it('deletes a workflow only once the delete is confirmed', async () => {
    await save('Old', manualFlow);
    await save('Kept', manualFlow);
    await renderList();
    await userEvent.click(screen.getByRole('button', { name: 'Delete Old' }));
    await userEvent.click(within(rowOf('Old')).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Open Old' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete Old' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm deleting Old' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Open Old' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Open Kept' })).toBeInTheDocument();
  });

  it('exports a workflow as <name>.flowloom.json', async () => {
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });
    URL.createObjectURL ??= () => 'blob:fake';
    URL.revokeObjectURL ??= () => {};
    await save('Orders: nightly', manualFlow);
    await renderList();
    await userEvent.click(screen.getByRole('button', { name: 'Export Orders: nightly' }));
    await waitFor(() => expect(clicked).toEqual(['Orders_ nightly.flowloom.json']));
  });

  it('shows why the list could not be read, and reads it again on request', async () => {
    vi.spyOn(client, 'listWorkflows').mockResolvedValueOnce({
      success: false,
      error: { code: 'NETWORK_ERROR', message: 'offline', status: 0 },
    });
    await save('Orders', manualFlow);
    render(
      <WorkflowProvider client={client}>
        <WorkflowList onOpen={vi.fn()} />
      </WorkflowProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the workflows: offline',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Open Orders' })).toBeInTheDocument();
  });
});
