import { builtinComponents } from '@flowloom/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowClient } from '../client/clientTypes';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { AllParameterTypes } from './allParameterTypes.test-helpers';
import { WorkflowEditor, type WorkflowEditorProps } from './WorkflowEditor';

const handlers = createWorkflowHandlers({ components: [...builtinComponents, AllParameterTypes] });
const server = setupServer(...handlers);
let client: WorkflowClient;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  // A client per test: the component list is cached per client.
  client = createWorkflowClient();
});
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

function renderEditor(props: Partial<WorkflowEditorProps> = {}) {
  return render(<WorkflowEditor client={client} {...props} />);
}

const canvas = () => screen.getByTestId('workflow-canvas');
const canvasNodes = () => [...canvas().querySelectorAll<HTMLElement>('.react-flow__node')];
const paletteEntry = (name: string) =>
  within(screen.getByRole('complementary', { name: 'Components' }))
    .getByText(name)
    .closest<HTMLElement>('[role="button"]')!;

describe('WorkflowEditor', () => {
  it('adds a node on a palette click and on Enter, and selects it for the form', async () => {
    renderEditor();
    fireEvent.click(paletteEntry('Delay'));
    expect(canvasNodes()).toHaveLength(1);
    const panel = screen.getByRole('complementary', { name: 'Node settings' });
    expect(within(panel).getByRole('form')).toBeInTheDocument();
    fireEvent.keyDown(paletteEntry('Manual Trigger'), { key: 'Enter' });
    expect(canvasNodes()).toHaveLength(2);
    expect(within(canvas()).getByText('Manual Trigger')).toBeInTheDocument();
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('adds the component a drop carries in its dataTransfer', () => {
    renderEditor();
    fireEvent.drop(canvas(), {
      dataTransfer: {
        getData: (type: string) => (type === 'application/flowloom-component' ? 'log' : ''),
      },
    });
    expect(canvasNodes()).toHaveLength(1);
    expect(canvasNodes()[0]).toHaveAttribute('data-id', expect.stringContaining('log'));
  });

  it('ignores a drop that carries no component', () => {
    renderEditor();
    fireEvent.drop(canvas());
    expect(canvasNodes()).toHaveLength(0);
  });

  it("replaces the built-ins with the server's components when they arrive", async () => {
    renderEditor();
    expect(screen.queryByText('All Types')).toBeNull();
    expect(await screen.findByText('All Types')).toBeInTheDocument();
  });

  it('draws the handles the metadata declares, with their labels', async () => {
    renderEditor();
    fireEvent.click(await screen.findByText('All Types'));
    const node = canvasNodes()[0]!;
    expect(node.querySelector('.react-flow__handle-left[data-handleid="input"]')).not.toBeNull();
    expect(node.querySelector('.react-flow__handle-right[data-handleid="success"]')).not.toBeNull();
    expect(node.querySelector('.react-flow__handle-bottom[data-handleid="error"]')).not.toBeNull();
    expect(within(node).getByText('Success')).toBeInTheDocument();
    expect(within(node).getByText('Error')).toBeInTheDocument();
    const header = node.querySelector<HTMLElement>('.flowloom-node__header')!;
    expect(header.style.background).toContain('linear-gradient');
  });

  it('saves and shows the validation errors inline and on the node', async () => {
    renderEditor();
    fireEvent.click(paletteEntry('HTTP Request'));
    fireEvent.click(screen.getByText('Save'));
    await screen.findByText('Workflow saved successfully!');
    expect(screen.getByText('1 problem to fix before it can run.')).toBeInTheDocument();
    const urlField = document.querySelector<HTMLElement>('[data-parameter="url"]')!;
    expect(within(urlField).getByText('URL is required')).toBeInTheDocument();
    expect(within(canvasNodes()[0]!).getByRole('img', { name: '1 error' })).toBeInTheDocument();
    expect(canvasNodes()[0]!.querySelector('.flowloom-node--invalid')).not.toBeNull();
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });

  it('shows the error when a save fails', async () => {
    server.use(
      http.post('*/api/workflow/editor/save', () =>
        HttpResponse.json(
          { error: { code: 'INTERNAL_ERROR', message: 'The database is down' } },
          { status: 500 },
        ),
      ),
    );
    renderEditor();
    fireEvent.click(paletteEntry('Manual Trigger'));
    fireEvent.click(screen.getByText('Save'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Save failed: The database is down');
    expect(screen.queryByText('Workflow saved successfully!')).toBeNull();
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('refuses to execute an invalid workflow, with the reason, and creates no instance', async () => {
    const onExecuted = vi.fn();
    renderEditor({ onExecuted });
    fireEvent.click(paletteEntry('HTTP Request'));
    fireEvent.click(screen.getByText('Execute'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cannot execute: the workflow has 1 problem.');
    expect(alert).toHaveTextContent('URL is required');
    const { total } = await handlers.backend.store.listInstances();
    expect(total).toBe(0);
    expect(onExecuted).not.toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: 'Execution' })).toBeNull();
  });

  it('refuses to execute when the server will not create the instance', async () => {
    server.use(
      http.post('*/api/workflow/instances', () =>
        HttpResponse.json(
          {
            error: {
              code: 'INVALID_WORKFLOW',
              message: 'The workflow is not valid',
              issues: [{ path: 'workflow_data.nodes', message: 'Needs a trigger' }],
            },
          },
          { status: 400 },
        ),
      ),
    );
    renderEditor();
    fireEvent.click(paletteEntry('Manual Trigger'));
    fireEvent.click(screen.getByText('Execute'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Cannot execute: The workflow is not valid');
    expect(alert).toHaveTextContent('workflow_data.nodes: Needs a trigger');
  });

  it('executes a valid workflow, opens the execution panel and shows live node status', async () => {
    const onExecuted = vi.fn();
    renderEditor({ onExecuted });
    fireEvent.click(paletteEntry('Manual Trigger'));
    fireEvent.click(screen.getByText('Execute'));
    expect(await screen.findByRole('region', { name: 'Execution' })).toBeInTheDocument();
    expect(onExecuted).toHaveBeenCalledWith(expect.any(String));
    await waitFor(() =>
      expect(canvasNodes()[0]!.querySelector('.flowloom-node--completed')).not.toBeNull(),
    );
    expect(within(canvasNodes()[0]!).getByText('Completed')).toBeInTheDocument();
  });

  it('loads the workflow given by workflowId', async () => {
    const saved = await handlers.backend.store.saveWorkflow({
      name: 'Nightly import',
      workflow_data: {
        nodes: [
          {
            id: 'start',
            type: 'manual_trigger',
            position: { x: 0, y: 0 },
            data: { parameters: {} },
          },
          {
            id: 'wait',
            type: 'delay',
            position: { x: 300, y: 0 },
            data: { parameters: { duration_ms: 10 } },
          },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'wait' }],
      },
    });
    renderEditor({ workflowId: saved.workflow_id });
    expect(await screen.findByDisplayValue('Nightly import')).toBeInTheDocument();
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });

  it('says so when the workflow cannot be loaded', async () => {
    renderEditor({ workflowId: 'wf-missing' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the workflow');
  });

  it('undoes, redoes and deletes with the keyboard', () => {
    renderEditor();
    fireEvent.click(paletteEntry('Delay'));
    expect(canvasNodes()).toHaveLength(1);
    // The pane takes no focus: a click in the editor makes keys on the body count.
    fireEvent.pointerDown(canvas());
    fireEvent.keyDown(document.body, { key: 'Delete' });
    expect(canvasNodes()).toHaveLength(0);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(canvasNodes()).toHaveLength(1);
    fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(canvasNodes()).toHaveLength(0);
    fireEvent.keyDown(document.body, { key: 'z', metaKey: true });
    expect(canvasNodes()).toHaveLength(1);
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true });
    expect(canvasNodes()).toHaveLength(0);
  });

  it('copies and pastes the selection with the keyboard', () => {
    renderEditor();
    fireEvent.click(paletteEntry('Delay'));
    fireEvent.keyDown(canvas(), { key: 'c', ctrlKey: true });
    fireEvent.keyDown(canvas(), { key: 'v', ctrlKey: true });
    expect(canvasNodes()).toHaveLength(2);
  });

  it('leaves keys typed into inputs alone', () => {
    renderEditor();
    fireEvent.click(paletteEntry('Delay'));
    const label = screen.getByLabelText('Label');
    fireEvent.keyDown(label, { key: 'Backspace' });
    fireEvent.keyDown(label, { key: 'z', ctrlKey: true });
    expect(canvasNodes()).toHaveLength(1);
  });

  it('leaves keys alone when the last click was outside the editor', () => {
    renderEditor();
    fireEvent.click(paletteEntry('Delay'));
    fireEvent.pointerDown(document.body);
    fireEvent.keyDown(document.body, { key: 'Delete' });
    expect(canvasNodes()).toHaveLength(1);
  });

  it('deletes the selection and undoes from the toolbar', () => {
    renderEditor();
    fireEvent.click(paletteEntry('Delay'));
    fireEvent.click(screen.getByText('Delete'));
    expect(canvasNodes()).toHaveLength(0);
    fireEvent.click(screen.getByText('Undo'));
    expect(canvasNodes()).toHaveLength(1);
    fireEvent.click(screen.getByText('Redo'));
    expect(canvasNodes()).toHaveLength(0);
  });

  it('asks before going back with unsaved changes', () => {
    const onBack = vi.fn();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderEditor({ onBack });
    fireEvent.click(screen.getByText('Back'));
    expect(confirm).not.toHaveBeenCalled();
    expect(onBack).toHaveBeenCalledTimes(1);

    fireEvent.click(paletteEntry('Delay'));
    fireEvent.click(screen.getByText('Back'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(onBack).toHaveBeenCalledTimes(1);

    confirm.mockReturnValue(true);
    fireEvent.click(screen.getByText('Back'));
    expect(onBack).toHaveBeenCalledTimes(2);
  });

  it('shows no Back button without onBack', () => {
    renderEditor();
    expect(screen.queryByText('Back')).toBeNull();
  });

  it('asks before the page unloads only while there are unsaved changes', () => {
    renderEditor();
    const clean = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(clean);
    expect(clean.defaultPrevented).toBe(false);
    fireEvent.click(paletteEntry('Delay'));
    const dirty = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(dirty);
    expect(dirty.defaultPrevented).toBe(true);
  });

  it('lays the workflow out left to right', async () => {
    const saved = await handlers.backend.store.saveWorkflow({
      name: 'Backwards',
      workflow_data: {
        nodes: [
          {
            id: 'start',
            type: 'manual_trigger',
            position: { x: 400, y: 0 },
            data: { parameters: {} },
          },
          { id: 'log', type: 'log', position: { x: -400, y: 300 }, data: { parameters: {} } },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'log' }],
      },
    });
    renderEditor({ workflowId: saved.workflow_id });
    await waitFor(() => expect(canvasNodes()).toHaveLength(2));
    const position = (id: string) => {
      const node = canvas().querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
      const [, x, y] = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(node.style.transform)!;
      return { x: Number(x), y: Number(y) };
    };
    expect(position('log').x).toBeLessThan(position('start').x);
    fireEvent.click(screen.getByText('Auto-layout'));
    await waitFor(() => expect(position('log').x).toBeGreaterThan(position('start').x));
    expect(position('log').y).toBe(position('start').y);
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
  });

  it('sets the colour mode and class name on its root', () => {
    const { container } = renderEditor({ colorMode: 'dark', className: 'host-class' });
    const root = container.querySelector('.flowloom-root')!;
    expect(root).toHaveAttribute('data-color-mode', 'dark');
    expect(root).toHaveClass('host-class');
  });
});
