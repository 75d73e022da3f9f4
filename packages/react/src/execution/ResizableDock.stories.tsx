import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ResizableDock } from './ResizableDock';

/** A panel under a canvas: drag its top edge, or focus it and use the arrow keys. */
const meta = {
  title: 'Execution/ResizableDock',
  component: ResizableDock,
  args: { onResize: fn(), storageKey: 'flowloom.storybook.dock' },
  decorators: [
    (Story) => (
      <div
        className="flowloom-root"
        style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}
      >
        <div style={{ flex: 1, display: 'grid', placeItems: 'center' }}>The canvas</div>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ResizableDock>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  args: { children: <p style={{ padding: 16 }}>The execution panel; its height is remembered.</p> },
};
