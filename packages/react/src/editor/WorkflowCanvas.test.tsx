import { act, fireEvent, render, screen } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEditorStore, type EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { builtinComponentMetadata } from './builtinComponentMetadata';
import { WorkflowCanvas } from './WorkflowCanvas';

let store: EditorStoreApi;
const onDropComponent = vi.fn();
const draggedTypeRef = { current: null as string | null };

function renderCanvas() {
  render(
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <WorkflowCanvas
          canvasRef={createRef()}
          draggedTypeRef={draggedTypeRef}
          onDropComponent={onDropComponent}
        />
      </ReactFlowProvider>
    </EditorStoreProvider>,
  );
}

const handle = (nodeId: string, handleId: string) =>
  document.querySelector<HTMLElement>(
    `.react-flow__handle[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`,
  )!;

/** Connects two handles the way a user can without dragging: click one, then the other. */
function clickConnect(from: HTMLElement, to: HTMLElement) {
  fireEvent.click(from);
  fireEvent.click(to);
}

describe('WorkflowCanvas', () => {
  let a: string;
  let b: string;

  beforeEach(() => {
    // jsdom has no layout: @xyflow/react asks which element is under the pointer.
    document.elementFromPoint = () => null;
    store = createEditorStore();
    store.getState().setComponents(builtinComponentMetadata);
    a = store.getState().addNode('log', { x: 0, y: 0 });
    b = store.getState().addNode('log', { x: 300, y: 0 });
    onDropComponent.mockReset();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects an output to an input through the store', () => {
    renderCanvas();
    clickConnect(handle(a, 'output'), handle(b, 'input'));
    expect(store.getState().edges).toEqual([
      expect.objectContaining({
        source: a,
        target: b,
        sourceHandle: 'output',
        targetHandle: 'input',
      }),
    ]);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('refuses a self-loop and says why', () => {
    renderCanvas();
    clickConnect(handle(a, 'output'), handle(a, 'input'));
    expect(store.getState().edges).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('A step cannot connect to itself.');
  });

  it('refuses a cycle and says why, then clears the message', () => {
    vi.useFakeTimers();
    store
      .getState()
      .connect({ source: a, sourceHandle: 'output', target: b, targetHandle: 'input' });
    renderCanvas();
    clickConnect(handle(b, 'output'), handle(a, 'input'));
    expect(store.getState().edges).toHaveLength(1);
    expect(screen.getByRole('status')).toHaveTextContent('That connection would make a cycle.');
    act(() => vi.advanceTimersByTime(3500));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('drops the remembered palette component at the drop point', () => {
    renderCanvas();
    draggedTypeRef.current = 'delay';
    fireEvent.dragOver(screen.getByTestId('workflow-canvas'));
    // jsdom has no DragEvent: a MouseEvent named drop carries the pointer position.
    fireEvent(
      screen.getByTestId('workflow-canvas'),
      new MouseEvent('drop', { bubbles: true, cancelable: true, clientX: 120, clientY: 80 }),
    );
    expect(onDropComponent).toHaveBeenCalledWith('delay', { x: 120, y: 80 });
    expect(draggedTypeRef.current).toBeNull();
  });
});
