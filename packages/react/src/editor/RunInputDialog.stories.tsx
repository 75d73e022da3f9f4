import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { RunInputDialog } from './RunInputDialog';

/** "Execute with input…": the run's input as JSON, checked as typed, remembered per workflow. */
const meta = {
  title: 'Editor/RunInputDialog',
  component: RunInputDialog,
  args: { workflowId: 'story-workflow', onExecute: fn(), onClose: fn() },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RunInputDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing remembered yet: an empty object. */
export const Empty: Story = {};

/** Offering the trigger's pinned test input. */
export const WithPinnedInput: Story = {
  args: { workflowId: 'story-pinned', initialInput: { order_id: 7, priority: true } },
};
