import { fireEvent, render, screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { storeWithComponents } from '../store/editorStoreFixtures.test-helpers';
import { ProblemsList } from './ProblemsList';

let store: EditorStoreApi;

function renderList() {
  render(
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <ProblemsList />
      </ReactFlowProvider>
    </EditorStoreProvider>,
  );
}

describe('ProblemsList', () => {
  beforeEach(() => {
    store = storeWithComponents();
    const s = store.getState();
    const trigger = s.addNode('manual_trigger', { x: 0, y: 0 });
    const first = s.addNode('log', { x: 300, y: 0 });
    const second = s.addNode('log', { x: 300, y: 200 });
    s.connect({ source: trigger, target: first, sourceHandle: 'output', targetHandle: 'input' });
    s.markSaved('wf-1', [
      {
        code: 'MISSING_REQUIRED_PARAMETER',
        message: 'Message is required',
        severity: 'error',
        node_id: first,
        field: 'message',
      },
      {
        code: 'MISSING_REQUIRED_PARAMETER',
        message: 'Message is required',
        severity: 'error',
        node_id: second,
        field: 'message',
      },
    ]);
  });

  it('lists the problems under each node’s name, telling nodes of the same name apart', () => {
    renderList();
    const list = screen.getByRole('region', { name: /Problems/ });
    expect(
      within(list)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Log (log_1)', 'Log (log_2)']);
    expect(list).toHaveTextContent('2 errors, 1 warning');
  });

  it('shows a warning as a warning and an error as an error', () => {
    renderList();
    const problems = screen.getAllByRole('button', { name: /is required|cannot be reached/ });
    const unreachable = problems.find((button) =>
      button.textContent?.includes('cannot be reached'),
    )!;
    expect(unreachable).toHaveClass('flowloom-problem--warning');
    expect(unreachable).toHaveTextContent('Warning:');
    expect(problems[0]).toHaveClass('flowloom-problem--error');
    expect(problems[0]).toHaveTextContent('Error:');
  });

  it('selects the node and asks for its field on a click', () => {
    renderList();
    const second = screen.getAllByRole('button', { name: /Message is required/ })[1]!;
    fireEvent.click(second);
    expect(store.getState().selectedNodeIds).toEqual(['log_2']);
    expect(store.getState().focusRequest).toMatchObject({ nodeId: 'log_2', field: 'message' });
  });

  it('renders nothing without problems', () => {
    store = storeWithComponents();
    renderList();
    expect(screen.queryByRole('region')).toBeNull();
  });
});
