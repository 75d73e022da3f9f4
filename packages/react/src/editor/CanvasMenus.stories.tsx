import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlowProvider } from '@xyflow/react';
import { fn } from 'storybook/test';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { CanvasMenus } from './CanvasMenus';
import { workbenchStoryState } from './workbenchStoryState';

/** The canvas's open menu: a node's, the pane's, or the component picker. */
const meta = {
  title: 'Editor/CanvasMenus',
  component: CanvasMenus,
  args: {
    menu: { kind: 'node', nodeId: 'fetch', at: { x: 60, y: 60 } },
    onMenu: fn(),
    onRunUpTo: fn(),
    canRun: true,
    onAutoLayout: fn(),
    onAddComponent: fn(),
  },
  decorators: [
    (Story) => (
      <EditorStoreProvider initialState={workbenchStoryState()}>
        <ReactFlowProvider>
          <div className="flowloom-root" style={{ height: '100vh' }}>
            <Story />
          </div>
        </ReactFlowProvider>
      </EditorStoreProvider>
    ),
  ],
} satisfies Meta<typeof CanvasMenus>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A node's menu: run up to here, duplicate, disable, copy, delete. */
export const NodeMenu: Story = {};

/** The pane's menu: add node, paste, auto-layout. */
export const PaneMenu: Story = { args: { menu: { kind: 'pane', at: { x: 60, y: 60 } } } };

/** The picker a connection dropped from an output opens: components that take input. */
export const ConnectedPicker: Story = {
  args: {
    menu: {
      kind: 'picker',
      at: { x: 60, y: 60 },
      from: { nodeId: 'say', handleId: 'output', handleType: 'source' },
    },
  },
};
