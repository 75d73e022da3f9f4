import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { saveAndRun } from '../../.storybook/runSamples';
import { failingWorkflow } from '../../.storybook/sampleWorkflows';
import { RunHistory } from './RunHistory';

/** A workflow's runs, newest first, paged by cursor, from the mock API. */
const meta = {
  title: 'History/RunHistory',
  component: RunHistory,
  args: { workflowId: '', onOpenRun: fn(), pageSize: 2 },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ padding: 16 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RunHistory>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Three completed runs, two per page: "Show older runs" reads the next page by cursor. */
export const Paged: Story = {
  loaders: [async () => saveAndRun('Order routing')],
  render: (args, { loaded }) => <RunHistory {...args} workflowId={loaded.workflowId} />,
};

/** Failed runs show their status; the second one is marked as the run shown elsewhere. */
export const WithSelection: Story = {
  loaders: [async () => saveAndRun('Failing', failingWorkflow, 2)],
  render: (args, { loaded }) => (
    <RunHistory
      {...args}
      pageSize={20}
      workflowId={loaded.workflowId}
      selectedInstanceId={loaded.instanceIds[0]}
    />
  ),
};

/** A workflow that never ran. */
export const Empty: Story = {
  loaders: [async () => saveAndRun('Never run', undefined, 0)],
  render: (args, { loaded }) => <RunHistory {...args} workflowId={loaded.workflowId} />,
};
