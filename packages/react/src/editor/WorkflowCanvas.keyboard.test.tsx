import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { createRef, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider';
import { de } from '../locales/de';
import type { EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { storeWithComponents } from '../store/editorStoreFixtures.test-helpers';
import { AnnounceContext } from './AnnounceContext';
import { WorkflowCanvas } from './WorkflowCanvas';

let store: EditorStoreApi;
let announce: ReturnType<typeof vi.fn<(message: string) => void>>;

function renderCanvas(wrap: (canvas: ReactNode) => ReactNode = (canvas) => canvas) {
  render(
    wrap(
      <AnnounceContext.Provider value={announce}>
        <EditorStoreProvider store={store}>
          <ReactFlowProvider>
            <WorkflowCanvas
              canvasRef={createRef()}
              draggedTypeRef={{ current: null }}
              onDropComponent={() => {}}
              menuCommands={{
                onRunUpTo: () => {},
                canRun: true,
                onAutoLayout: () => {},
                onAddComponent: () => {},
              }}
            />
          </ReactFlowProvider>
        </EditorStoreProvider>
      </AnnounceContext.Provider>,
    ),
  );
}

const nodeElement = (id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
const edges = () => store.getState().edges.map((edge) => [edge.source, edge.target]);

describe('WorkflowCanvas: by keyboard', () => {
  beforeEach(() => {
    document.elementFromPoint = () => null;
    announce = vi.fn();
    store = storeWithComponents();
    store.getState().addNode('manual_trigger', { x: 0, y: 0 });
    store.getState().addNode('log', { x: 300, y: 0 });
    store.getState().addNode('condition', { x: 600, y: 0 });
  });

  it('connects a node from its menu’s “Connect to…”, and says so to screen readers', async () => {
    const user = userEvent.setup();
    renderCanvas();
    fireEvent.keyDown(nodeElement('manual_trigger_1'), { key: 'F10', shiftKey: true });
    await user.click(await screen.findByRole('menuitem', { name: 'Connect to…' }));
    const picker = await screen.findByRole('dialog', { name: 'Connect Manual Trigger to…' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Log', 'Condition']);
    await user.keyboard('log{Enter}');
    expect(edges()).toEqual([['manual_trigger_1', 'log_1']]);
    expect(announce).toHaveBeenCalledWith('Connected Manual Trigger to Log.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lists the steps a focused handle connects to on Enter, by the handle named', async () => {
    const user = userEvent.setup();
    renderCanvas();
    const output = screen.getByRole('button', { name: 'Output “False” of Condition' });
    expect(output).toHaveAttribute('tabindex', '0');
    output.focus();
    fireEvent.keyDown(output, { key: 'Enter' });
    await screen.findByRole('dialog', { name: 'Connect Condition to…' });
    await user.keyboard('{Enter}');
    expect(store.getState().edges).toMatchObject([
      { source: 'condition_1', sourceHandle: 'false', target: 'log_1' },
    ]);
  });

  it('lists the steps that can feed a focused input, and connects one into it', async () => {
    const user = userEvent.setup();
    renderCanvas();
    const input = screen.getByRole('button', { name: 'Input of Log' });
    fireEvent.keyDown(input, { key: ' ' });
    await screen.findByRole('dialog', { name: 'Connect to Log from…' });
    await user.keyboard('{Enter}');
    expect(edges()).toEqual([['manual_trigger_1', 'log_1']]);
  });

  it('disables “Connect to…” when no step can be connected', async () => {
    store.getState().connect({
      source: 'manual_trigger_1',
      sourceHandle: null,
      target: 'log_1',
      targetHandle: null,
    });
    store.getState().connect({
      source: 'manual_trigger_1',
      sourceHandle: null,
      target: 'condition_1',
      targetHandle: null,
    });
    renderCanvas();
    fireEvent.keyDown(nodeElement('manual_trigger_1'), { key: 'F10', shiftKey: true });
    expect(await screen.findByRole('menuitem', { name: 'Connect to…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('names nodes, edges and handles for screen readers', () => {
    store.getState().connect({
      source: 'manual_trigger_1',
      sourceHandle: null,
      target: 'log_1',
      targetHandle: null,
    });
    store.getState().setNodeLabel('log_1', 'Say hi');
    renderCanvas();
    expect(nodeElement('manual_trigger_1')).toHaveAttribute('aria-label', 'Manual Trigger');
    expect(nodeElement('log_1')).toHaveAttribute('aria-label', 'Say hi (Log)');
    expect(nodeElement('log_1')).toHaveAttribute('aria-roledescription', 'step');
    const edge = document.querySelector('.react-flow__edge')!;
    expect(edge).toHaveAttribute('aria-label', 'Connection from Manual Trigger to Say hi');
    expect(screen.getByRole('button', { name: 'Output of Manual Trigger' })).toBeInTheDocument();
  });

  it('names them in the language around it', () => {
    renderCanvas((canvas) => <I18nProvider messages={de}>{canvas}</I18nProvider>);
    expect(nodeElement('log_1')).toHaveAttribute('aria-roledescription', 'Schritt');
    expect(screen.getByRole('button', { name: 'Ausgang von Manual Trigger' })).toBeInTheDocument();
    expect(screen.getByRole('application', { name: 'Workflow-Arbeitsfläche' })).toBeInTheDocument();
  });
});
