import { builtinComponents, ComponentRegistry } from '@flowloom/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { EmptyCanvasHint } from './EmptyCanvasHint';

const builtins = new ComponentRegistry({ components: builtinComponents }).getAllComponents();

/** What an empty canvas shows: how to start, and the triggers as one-click starts. */
const meta = {
  title: 'Editor/EmptyCanvasHint',
  component: EmptyCanvasHint,
  args: { components: builtins, onStart: fn() },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ position: 'relative', height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof EmptyCanvasHint>;

export default meta;
type Story = StoryObj<typeof meta>;

/** With the built-in triggers. */
export const WithTriggers: Story = {};

/** A registry without triggers: the hint alone. */
export const WithoutTriggers: Story = {
  args: { components: builtins.filter((component) => component.category !== 'triggers') },
};
