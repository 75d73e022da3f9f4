import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useState } from 'react';
import { fn } from 'storybook/test';
import { createEditorStore } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { VersionConflictNotice } from './VersionConflictNotice';

/** An editor store with unsaved changes: the state a refused save leaves the editor in. */
function EditedStore({ children }: { children: ReactNode }) {
  const [store] = useState(() => {
    const created = createEditorStore({ workflowId: 'wf_demo', version: 3, name: 'Orders' });
    created.getState().setName('Orders (edited)');
    return created;
  });
  return <EditorStoreProvider store={store}>{children}</EditorStoreProvider>;
}

/**
 * What the editor shows under its toolbar when a save was refused because the workflow was
 * saved elsewhere meanwhile: the version it is at, and Reload (asks first) or Overwrite.
 */
const meta = {
  title: 'Editor/VersionConflictNotice',
  component: VersionConflictNotice,
  args: {
    conflict: { currentVersion: 5, baseVersion: 3 },
    onReload: fn(),
    onOverwrite: fn(),
  },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ padding: 12 }}>
        <EditedStore>
          <Story />
        </EditedStore>
      </div>
    ),
  ],
} satisfies Meta<typeof VersionConflictNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Someone saved version 5 while this editor held changes to version 3. */
export const Default: Story = {};

/** While the reload or the overwrite is under way: both buttons wait. */
export const Busy: Story = { args: { busy: true } };

/** The dark colour set. */
export const Dark: Story = {
  decorators: [
    (Story) => (
      <div className="flowloom-root" data-color-mode="dark" style={{ padding: 12 }}>
        <Story />
      </div>
    ),
  ],
};
