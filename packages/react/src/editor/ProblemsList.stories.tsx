import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlowProvider } from '@xyflow/react';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { ProblemsList } from './ProblemsList';
import { workbenchStoryState } from './workbenchStoryState';

/** The workflow's problems by node: errors in red, warnings in amber; a click shows the field. */
const meta = {
  title: 'Editor/ProblemsList',
  component: ProblemsList,
  decorators: [
    (Story) => (
      <EditorStoreProvider initialState={workbenchStoryState()}>
        <ReactFlowProvider>
          <div className="flowloom-root" style={{ width: 300, padding: 12 }}>
            <Story />
          </div>
        </ReactFlowProvider>
      </EditorStoreProvider>
    ),
  ],
} satisfies Meta<typeof ProblemsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two errors from a save and an unreachable step (a warning). */
export const ErrorsAndWarnings: Story = {};
