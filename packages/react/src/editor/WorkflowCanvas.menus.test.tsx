import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { createRef } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { storeWithComponents } from '../store/editorStoreFixtures.test-helpers';
import type { CanvasMenuCommands } from './CanvasMenus';
import { WorkflowCanvas } from './WorkflowCanvas';

let store: EditorStoreApi;
let commands: CanvasMenuCommands;

function renderCanvas(withMenus = true) {
  render(
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <WorkflowCanvas
          canvasRef={createRef()}
          draggedTypeRef={{ current: null }}
          onDropComponent={() => {}}
          onAdd={(type) => store.getState().addNode(type, { x: 0, y: 0 })}
          menuCommands={withMenus ? commands : undefined}
        />
      </ReactFlowProvider>
    </EditorStoreProvider>,
  );
}

const nodeElement = (id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;

describe('WorkflowCanvas: menus', () => {
  beforeEach(() => {
    document.elementFromPoint = () => null;
    store = storeWithComponents();
    store.getState().addNode('manual_trigger', { x: 0, y: 0 });
    store.getState().addNode('log', { x: 300, y: 0 });
    commands = { onRunUpTo: vi.fn(), canRun: true, onAutoLayout: vi.fn(), onAddComponent: vi.fn() };
  });

  it('opens a node’s menu on a right click, selecting the node, and runs up to it', async () => {
    renderCanvas();
    fireEvent.contextMenu(nodeElement('log_1'), { clientX: 50, clientY: 60 });
    const menu = await screen.findByRole('menu', { name: 'Node actions' });
    expect(store.getState().selectedNodeIds).toEqual(['log_1']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Run up to here' }));
    expect(commands.onRunUpTo).toHaveBeenCalledWith('log_1');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('duplicates, disables and deletes from the node’s menu', async () => {
    renderCanvas();
    fireEvent.contextMenu(nodeElement('log_1'));
    fireEvent.click(await screen.findByRole('menuitem', { name: /Duplicate/ }));
    expect(store.getState().nodes.map((node) => node.id)).toContain('log_2');

    fireEvent.contextMenu(nodeElement('log_1'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Disable' }));
    expect(store.getState().nodes.find((node) => node.id === 'log_1')!.data.disabled).toBe(true);
    fireEvent.contextMenu(nodeElement('log_1'));
    expect(await screen.findByRole('menuitem', { name: 'Enable' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('menuitem', { name: /Delete/ }));
    expect(store.getState().nodes.map((node) => node.id)).not.toContain('log_1');
  });

  it('opens the focused node’s menu with Shift+F10', async () => {
    renderCanvas();
    fireEvent.keyDown(nodeElement('log_1'), { key: 'F10', shiftKey: true });
    expect(await screen.findByRole('menu', { name: 'Node actions' })).toBeInTheDocument();
    expect(screen.getByRole('menuitem', { name: 'Run up to here' })).toHaveFocus();
  });

  it('opens the canvas’s menu on the pane: add a node from the picker, paste, auto-layout', async () => {
    const user = userEvent.setup();
    renderCanvas();
    fireEvent.contextMenu(document.querySelector('.react-flow__pane')!, {
      clientX: 70,
      clientY: 80,
    });
    const menu = await screen.findByRole('menu', { name: 'Canvas actions' });
    expect(within(menu).getByRole('menuitem', { name: /Paste/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await user.click(within(menu).getByRole('menuitem', { name: 'Add node…' }));
    const picker = await screen.findByRole('dialog', { name: 'Add a step' });
    await user.keyboard('delay{Enter}');
    expect(commands.onAddComponent).toHaveBeenCalledWith('delay', { x: 70, y: 80 });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(picker).not.toBeInTheDocument();

    fireEvent.contextMenu(document.querySelector('.react-flow__pane')!);
    await user.click(await screen.findByRole('menuitem', { name: 'Auto-layout' }));
    expect(commands.onAutoLayout).toHaveBeenCalled();
  });

  it('has no context menus without menu commands', () => {
    renderCanvas(false);
    fireEvent.contextMenu(nodeElement('log_1'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('shows the empty-canvas hint with its starts only while there is no node', () => {
    store = storeWithComponents();
    renderCanvas();
    fireEvent.click(screen.getByRole('button', { name: 'Start with Manual Trigger' }));
    expect(store.getState().nodes.map((node) => node.type)).toEqual(['manual_trigger']);
    expect(screen.queryByText('Drag a trigger from the left to start')).toBeNull();
  });

  it('marks the edges of a cycle', () => {
    store.getState().connect({
      source: 'manual_trigger_1',
      target: 'log_1',
      sourceHandle: 'output',
      targetHandle: 'input',
    });
    const loop = store.getState().addNode('log', { x: 600, y: 0 });
    store
      .getState()
      .connect({ source: 'log_1', target: loop, sourceHandle: 'output', targetHandle: 'input' });
    store.setState({
      edges: [
        ...store.getState().edges,
        {
          id: 'back',
          source: loop,
          target: 'log_1',
          sourceHandle: 'output',
          targetHandle: 'input',
        },
      ],
    });
    renderCanvas();
    const marked = [
      ...document.querySelectorAll<HTMLElement>('.react-flow__edge.flowloom-edge--invalid'),
    ];
    expect(marked.map((edge) => edge.dataset.id).sort()).toEqual(
      ['back', 'e_log_1.output-log_2.input'].sort(),
    );
  });
});
