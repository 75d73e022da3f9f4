import type { Meta, StoryObj } from '@storybook/react-vite';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { NodeSettingsForm } from './NodeSettingsForm';
import { workbenchStoryState } from './workbenchStoryState';

/** A node's Settings tab: disabled, retries and backoff, timeout, on error; pinned input on a trigger. */
const meta = {
  title: 'Editor/NodeSettingsForm',
  component: NodeSettingsForm,
  args: { nodeId: 'fetch' },
  decorators: [
    (Story) => (
      <EditorStoreProvider initialState={workbenchStoryState()}>
        <div className="flowloom-root" style={{ width: 300, padding: 12 }}>
          <Story />
        </div>
      </EditorStoreProvider>
    ),
  ],
} satisfies Meta<typeof NodeSettingsForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An HTTP request retried twice, 500 ms apart. */
export const WithRetries: Story = {};

/** A trigger: its pinned test input. */
export const Trigger: Story = { args: { nodeId: 'start' } };
