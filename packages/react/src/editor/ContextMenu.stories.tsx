import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ContextMenu } from './ContextMenu';

/** The canvas's context menu: arrow keys move, Enter runs, Escape closes. */
const meta = {
  title: 'Editor/ContextMenu',
  component: ContextMenu,
  args: {
    label: 'Node actions',
    position: { x: 40, y: 40 },
    onClose: fn(),
    items: [
      { id: 'run', label: 'Run up to here', onSelect: fn() },
      { id: 'duplicate', label: 'Duplicate', shortcut: 'Ctrl+D', onSelect: fn() },
      { id: 'disable', label: 'Disable', onSelect: fn() },
      { id: 'copy', label: 'Copy', shortcut: 'Ctrl+C', onSelect: fn() },
      { id: 'delete', label: 'Delete', shortcut: 'Del', onSelect: fn() },
    ],
  },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ContextMenu>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A node's menu. */
export const NodeMenu: Story = {};

/** The pane's menu, with Paste disabled (nothing copied). */
export const CanvasMenu: Story = {
  args: {
    label: 'Canvas actions',
    items: [
      { id: 'add', label: 'Add node…', onSelect: fn() },
      { id: 'paste', label: 'Paste', shortcut: 'Ctrl+V', disabled: true, onSelect: fn() },
      { id: 'layout', label: 'Auto-layout', onSelect: fn() },
    ],
  },
};
