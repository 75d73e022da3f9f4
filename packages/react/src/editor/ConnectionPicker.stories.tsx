import { builtinComponents, ComponentRegistry } from '@flowloom/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { fn } from 'storybook/test';
import { createEditorStore } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { AnnounceContext } from './AnnounceContext';
import { ConnectionPicker } from './ConnectionPicker';

/** Trigger, Condition and Log on a canvas: what the keyboard can connect. */
function storeWithSteps() {
  const store = createEditorStore();
  store
    .getState()
    .setComponents(new ComponentRegistry({ components: builtinComponents }).getAllComponents());
  for (const [type, x] of [
    ['manual_trigger', 0],
    ['condition', 300],
    ['log', 600],
  ] as const) {
    store.getState().addNode(type, { x, y: 0 });
  }
  return store;
}

/**
 * The keyboard's way to connect two steps: "Connect to…" in a node's menu, or Enter on a focused
 * handle, opens this list; choosing a step makes the edge and the editor's live region says so.
 */
const meta = {
  title: 'Editor/ConnectionPicker',
  component: ConnectionPicker,
  args: {
    from: { nodeId: 'manual_trigger_1', handleId: null, handleType: 'source' },
    position: { x: 40, y: 40 },
    onClose: fn(),
  },
  decorators: [
    (Story) => {
      const [store] = useState(storeWithSteps);
      const [said, setSaid] = useState('');
      return (
        <EditorStoreProvider store={store}>
          <AnnounceContext.Provider value={setSaid}>
            <div className="flowloom-root" style={{ height: '100vh' }}>
              <Story />
              <p aria-live="polite" style={{ position: 'absolute', bottom: 16, left: 16 }}>
                {said}
              </p>
            </div>
          </AnnounceContext.Provider>
        </EditorStoreProvider>
      );
    },
  ],
} satisfies Meta<typeof ConnectionPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** From the trigger's output: every step that takes input. */
export const FromAnOutput: Story = {};

/** From a Condition: each of its outputs, named, to each step. */
export const FromSeveralOutputs: Story = {
  args: { from: { nodeId: 'condition_1', handleId: null, handleType: 'source' } },
};

/** Into the Log's input (Enter on an input handle): the steps that can feed it. */
export const IntoAnInput: Story = {
  args: { from: { nodeId: 'log_1', handleId: 'input', handleType: 'target' } },
};
