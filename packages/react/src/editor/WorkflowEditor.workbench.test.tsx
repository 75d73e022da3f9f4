import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  canvasNodes,
  saveInBackend,
  toolbarButton,
  triggerThenLog,
  waitForIdleToolbar,
} from './editorTestKit.test-helpers';
import { setupFakeEditorApi } from './fakeEditorApi.test-helpers';

const api = setupFakeEditorApi();
const { handlers, renderEditor } = api;
// The editor keeps the dock's height and the last run input in localStorage: each test starts
// without them.
afterEach(() => localStorage.clear());

const executes = () =>
  api.seen.filter((request) => request.method === 'POST' && request.path.endsWith('/execute'));

async function openSaved(workflowData = triggerThenLog()) {
  const saved = await saveInBackend(handlers, 'Workbench', workflowData);
  renderEditor({ workflowId: saved.workflow_id });
  await waitFor(() => expect(canvasNodes()).toHaveLength(workflowData.nodes.length));
  await waitForIdleToolbar();
  return saved.workflow_id;
}

const nodeElement = (id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;

describe('WorkflowEditor: the workbench', () => {
  beforeEach(() => {
    document.elementFromPoint = () => null;
  });

  it('runs with the input typed in "Execute with input…"', async () => {
    await openSaved();
    fireEvent.click(screen.getByRole('button', { name: 'More ways to execute' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Execute with input…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Execute with input' });
    fireEvent.change(within(dialog).getByLabelText('Run input (JSON object)'), {
      target: { value: '{ "order": 7 }' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Execute' }));
    await waitFor(() => expect(executes()).toHaveLength(1));
    await waitFor(() => expect(executes()[0]!.body).toEqual({ input_data: { order: 7 } }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('runs with the trigger’s pinned test input when none is given', async () => {
    const data = triggerThenLog();
    data.nodes[0]!.data = { parameters: {}, pinned_input: { order: 9 } };
    await openSaved(data);
    fireEvent.click(toolbarButton('Execute'));
    await waitFor(() => expect(executes()[0]?.body).toEqual({ input_data: { order: 9 } }));
  });

  it('runs up to a node from its menu', async () => {
    await openSaved();
    fireEvent.contextMenu(nodeElement('say'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Run up to here' }));
    await waitFor(() => expect(executes()[0]?.body).toEqual({ input_data: {}, until: 'say' }));
  });

  it('names the node of each problem when Execute refuses', async () => {
    await openSaved({
      nodes: [
        { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 }, data: { parameters: {} } },
        { id: 'log_1', type: 'log', position: { x: 300, y: 0 }, data: { parameters: {} } },
        { id: 'log_2', type: 'log', position: { x: 300, y: 200 }, data: { parameters: {} } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'log_1' },
        { id: 'e2', source: 'start', target: 'log_2' },
      ],
    });
    // An edit makes Execute save first, and the save's validation refuses the run.
    fireEvent.change(screen.getByLabelText('Workflow name'), { target: { value: 'Edited' } });
    fireEvent.click(toolbarButton('Execute'));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Log (log_1): Message is required', 'Log (log_2): Message is required']);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: /2 errors/ })).toBeInTheDocument();
  });

  it('places palette clicks in free spots, never on top of each other', () => {
    renderEditor();
    const entry = within(screen.getByRole('complementary', { name: 'Components' }))
      .getByText('Log')
      .closest<HTMLElement>('[role="button"]')!;
    for (let click = 0; click < 4; click += 1) fireEvent.click(entry);
    const spots = new Set(canvasNodes().map((node) => (node as HTMLElement).style.transform));
    expect(spots.size).toBe(4);
  });
});
