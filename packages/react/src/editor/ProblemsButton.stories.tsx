import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { ProblemsButton } from './ProblemsButton';
import { workbenchStoryState } from './workbenchStoryState';

/** The toolbar's count of problems: red with an error, amber with warnings only. */
const meta = {
  title: 'Editor/ProblemsButton',
  component: ProblemsButton,
  args: { onShow: fn() },
  decorators: [
    (Story, { parameters }) => (
      <EditorStoreProvider initialState={workbenchStoryState(parameters.editorState)}>
        <div className="flowloom-root" style={{ padding: 24 }}>
          <Story />
        </div>
      </EditorStoreProvider>
    ),
  ],
} satisfies Meta<typeof ProblemsButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WithErrors: Story = {};

/** Warnings only (a step no trigger reaches). */
export const WarningsOnly: Story = { parameters: { editorState: { issuesByNode: {} } } };
