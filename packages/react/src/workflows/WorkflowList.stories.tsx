import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { saveAndRun, webhookWorkflow } from '../../.storybook/runSamples';
import { failingWorkflow } from '../../.storybook/sampleWorkflows';
import { WorkflowList } from './WorkflowList';

/**
 * The saved workflows of the mock API, with their Active switch, last run, last save and
 * Duplicate, Export and Delete. The webhook workflow can be activated; the others have no
 * webhook or schedule trigger and say so.
 */
const meta = {
  title: 'Workflows/WorkflowList',
  component: WorkflowList,
  args: { onOpen: fn(), onCreate: fn(), onDuplicated: fn() },
} satisfies Meta<typeof WorkflowList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  loaders: [
    async () => {
      await saveAndRun('Order routing', undefined, 1);
      await saveAndRun('Failing import', failingWorkflow, 1);
      await saveAndRun('Order webhook', webhookWorkflow, 0);
      return {};
    },
  ],
};

/** The dark colour set. */
export const Dark: Story = {
  ...Default,
  args: { colorMode: 'dark' },
};
