import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { storeWithComponents } from '../store/editorStoreFixtures.test-helpers';
import { SidePanel } from './SidePanel';

let store: EditorStoreApi;
let log: string;

function renderPanel() {
  render(
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <SidePanel />
      </ReactFlowProvider>
    </EditorStoreProvider>,
  );
}

describe('SidePanel', () => {
  beforeEach(() => {
    store = storeWithComponents();
    log = store.getState().addNode('log', { x: 0, y: 0 });
  });

  it('gives the selected node a Parameters and a Settings tab, switched with the arrow keys', async () => {
    const user = userEvent.setup();
    store.getState().select([log]);
    renderPanel();
    const parameters = screen.getByRole('tab', { name: 'Parameters' });
    expect(parameters).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Parameters');
    parameters.focus();
    await user.keyboard('{ArrowRight}');
    const settings = screen.getByRole('tab', { name: 'Settings' });
    expect(settings).toHaveAttribute('aria-selected', 'true');
    expect(settings).toHaveFocus();
    expect(await screen.findByLabelText('Retries')).toBeInTheDocument();
  });

  it('lists the workflow’s problems when no node is selected', () => {
    store.getState().addNode('manual_trigger', { x: 0, y: 200 });
    renderPanel();
    expect(screen.getByText('Select a node to edit its settings.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /Problems/ })).toHaveTextContent(
      'cannot be reached from a trigger',
    );
  });

  it('shows a revealed problem’s field on the Parameters tab, focused', async () => {
    const user = userEvent.setup();
    store.getState().select([log]);
    renderPanel();
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    await screen.findByLabelText('Retries');
    act(() => store.getState().revealProblem(log, 'message'));
    await waitFor(() => expect(screen.getByLabelText(/^Message/)).toHaveFocus());
    expect(screen.getByRole('tab', { name: 'Parameters' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
