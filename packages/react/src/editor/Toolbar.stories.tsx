import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { fn } from 'storybook/test';
import { createEditorStore } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import type { EditorState } from '../store/editorTypes';
import { Toolbar } from './Toolbar';

/** A store for the toolbar: a saved workflow unless the story says otherwise. */
function WithStore({ state, children }: { state: Partial<EditorState>; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(state));
  return <EditorStoreProvider store={store}>{children}</EditorStoreProvider>;
}

const saved: Partial<EditorState> = { workflowId: 'wf_demo', version: 2, name: 'Order routing' };

/**
 * The editor's toolbar, with Export (enabled once the workflow is saved) and Import (a file
 * picker), and the messages their outcomes show.
 */
const meta = {
  title: 'Editor/Toolbar',
  component: Toolbar,
  args: {
    feedback: undefined,
    onSave: fn(),
    onExecute: fn(),
    onExport: fn(),
    onImport: fn(),
    onAutoLayout: fn(),
    onFitView: fn(),
    onBack: fn(),
  },
  parameters: { editorState: saved },
  decorators: [
    (Story, { parameters }) => (
      <div className="flowloom-root">
        <WithStore state={parameters.editorState as Partial<EditorState>}>
          <Story />
        </WithStore>
      </div>
    ),
  ],
} satisfies Meta<typeof Toolbar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A saved workflow: Export downloads it, Import opens a file picker. */
export const Saved: Story = {};

/** A workflow never saved: Export waits for the first save. */
export const NeverSaved: Story = { parameters: { editorState: { name: 'Untitled workflow' } } };

/** While an import is under way. */
export const Importing: Story = {
  args: { busy: 'import', feedback: { kind: 'info', text: 'Importing…' } },
};

/** An imported workflow that needs credentials chosen: they are marked on the nodes. */
export const ImportedWithCredentialsToChoose: Story = {
  args: {
    feedback: {
      kind: 'warning',
      text: 'Imported "Order routing" as a new workflow.',
      details: ['Choose a credential for 1 parameter marked on the nodes.'],
    },
  },
};

/** A file refused before it was sent. */
export const ImportRefused: Story = {
  args: {
    feedback: {
      kind: 'error',
      text: 'This file is in Flowloom file format version 2; this editor reads version 1.',
    },
  },
};

/** Exported with unsaved changes: the file holds the saved version, and says so. */
export const ExportedWithUnsavedChanges: Story = {
  args: {
    feedback: {
      kind: 'warning',
      text: 'Exported saved version 2 as Order routing.flowloom.json; your unsaved changes are not in it (save first to include them).',
    },
  },
};
