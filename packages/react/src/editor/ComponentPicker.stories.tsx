import { builtinComponents, ComponentRegistry } from '@flowloom/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ComponentPicker } from './ComponentPicker';

const builtins = new ComponentRegistry({ components: builtinComponents }).getAllComponents();

/** The searchable picker opened by "Add node…" and by a connection dropped on the canvas. */
const meta = {
  title: 'Editor/ComponentPicker',
  component: ComponentPicker,
  args: {
    label: 'Add a step',
    components: builtins,
    position: { x: 40, y: 40 },
    onPick: fn(),
    onClose: fn(),
  },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ComponentPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every component: type to filter, arrows and Enter to choose. */
export const Default: Story = {};

/** From a dropped output: only components that take input. */
export const ConnectedStep: Story = {
  args: {
    label: 'Add a connected step',
    components: builtins.filter((component) => component.input_handles.length > 0),
  },
};
