import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ExecuteButton } from './ExecuteButton';

/** Execute as a split button: the arrow opens "Execute with input…". */
const meta = {
  title: 'Editor/ExecuteButton',
  component: ExecuteButton,
  args: { disabled: false, busy: false, onExecute: fn(), onExecuteWithInput: fn() },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ padding: 24 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ExecuteButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Ready: Story = {};

/** While a command is under way. */
export const Busy: Story = { args: { disabled: true, busy: true } };
