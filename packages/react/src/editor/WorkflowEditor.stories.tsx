import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { completingWorkflow, largeWorkflow } from '../../.storybook/sampleWorkflows';
import { saveSample } from '../../.storybook/startRun';
import { de } from '../locales/de';
import { WorkflowEditor } from './WorkflowEditor';

/** The whole editor against the mock API (the testing kit's handlers, via MSW). */
const meta = {
  title: 'Editor/WorkflowEditor',
  component: WorkflowEditor,
  args: { onBack: fn(), onSaved: fn(), onExecuted: fn() },
  decorators: [
    (Story) => (
      <div style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof WorkflowEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A new, empty workflow: drag components from the palette, or click them. */
export const Empty: Story = {};

/** A saved order-routing workflow, loaded by id. Execute it to see the execution panel. */
export const WithSampleWorkflow: Story = {
  loaders: [async () => ({ workflowId: await saveSample('Order routing', completingWorkflow) })],
  render: (args, { loaded }) => <WorkflowEditor {...args} workflowId={loaded.workflowId} />,
};

/** The same workflow in the dark colour set. */
export const Dark: Story = {
  ...WithSampleWorkflow,
  args: { colorMode: 'dark' },
};

/** A 500-node workflow: panning, zooming and selecting should stay smooth. */
export const FiveHundredNodes: Story = {
  loaders: [async () => ({ workflowId: await saveSample('500 steps', largeWorkflow(500)) })],
  render: (args, { loaded }) => <WorkflowEditor {...args} workflowId={loaded.workflowId} />,
};

/** The sample workflow in German (`messages={de}` from `@flowloom/react/locales/de`). */
export const German: Story = {
  ...WithSampleWorkflow,
  args: { messages: de },
};

/** English with a few messages of the host's own: the rest stays as it is. */
export const OwnWords: Story = {
  args: { messages: { toolbar: { save: 'Store', execute: 'Run now' } } },
};
