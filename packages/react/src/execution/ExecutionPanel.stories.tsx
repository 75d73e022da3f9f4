import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { startChattyRun } from '../../.storybook/chattyApi';
import { approvalWorkflow, saveAndRun } from '../../.storybook/runSamples';
import {
  completingInput,
  completingWorkflow,
  failingInput,
  failingWorkflow,
  longRunningWorkflow,
} from '../../.storybook/sampleWorkflows';
import { startRun } from '../../.storybook/startRun';
import { getDefaultWorkflowClient } from '../client/getDefaultWorkflowClient';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { ExecutionPanel } from './ExecutionPanel';

/**
 * The execution panel following real runs of the mock API's engine (the testing kit's
 * handlers): events and logs arrive over MSW's WebSocket mock.
 */
const meta = {
  title: 'Execution/ExecutionPanel',
  component: ExecutionPanel,
  args: { onClose: fn() },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ExecutionPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** An instance created but not executed yet: pending, no events. */
export const Idle: Story = {
  loaders: [
    async () => ({ instanceId: await startRun('Not run yet', completingWorkflow, {}, false) }),
  ],
  render: (args, { loaded }) => <ExecutionPanel {...args} instanceId={loaded.instanceId} />,
};

/** No instance at all. */
export const NoInstance: Story = {};

/** A run waiting in a ten-minute delay: the elapsed time ticks; Stop cancels it. */
export const Running: Story = {
  loaders: [async () => ({ instanceId: await startRun('Waiting', longRunningWorkflow) })],
  render: (args, { loaded }) => <ExecutionPanel {...args} instanceId={loaded.instanceId} />,
};

/**
 * A run whose transform step fails: the run's error and, when the step is chosen, the step's.
 * "Retry from failed step" runs that step again on the same instance (it fails again here: its
 * input does not change), its events continuing the list.
 */
export const Failed: Story = {
  loaders: [async () => ({ instanceId: await startRun('Failing', failingWorkflow, failingInput) })],
  render: (args, { loaded }) => <ExecutionPanel {...args} instanceId={loaded.instanceId} />,
};

/** A run stopped mid-way: "Retry from failed step" runs its cancelled step and the rest. */
export const Cancelled: Story = {
  loaders: [
    async () => {
      const instanceId = await startRun('Stopped', longRunningWorkflow);
      const stopped = await getDefaultWorkflowClient().stopInstance(instanceId);
      if (!stopped.success) throw new Error(`stopInstance: ${stopped.error.message}`);
      return { instanceId };
    },
  ],
  render: (args, { loaded }) => <ExecutionPanel {...args} instanceId={loaded.instanceId} />,
};

/** A completed order-routing run: choose a step to see its input and output. */
export const Completed: Story = {
  loaders: [
    async () => ({
      instanceId: await startRun('Order routing', completingWorkflow, completingInput),
    }),
  ],
  render: (args, { loaded }) => <ExecutionPanel {...args} instanceId={loaded.instanceId} />,
};

/** The dark colour set. */
export const CompletedDark: Story = {
  ...Completed,
  decorators: [
    (Story) => (
      <div className="flowloom-root" data-color-mode="dark" style={{ height: '100vh' }}>
        <Story />
      </div>
    ),
  ],
};

/**
 * Ten thousand log events (and as many events) from one step: both lists render only the rows
 * in view, so scrolling stays smooth.
 */
export const TenThousandLogLines: Story = {
  loaders: [async () => startChattyRun()],
  render: (args, { loaded }) => (
    <WorkflowProvider client={loaded.client}>
      <ExecutionPanel {...args} instanceId={loaded.instanceId} />
    </WorkflowProvider>
  ),
};

/** A run waiting at an approval step: Approve or Reject resumes it. */
export const WaitingForApproval: Story = {
  loaders: [async () => ({ instanceId: await startRun('Approval', approvalWorkflow) })],
  render: (args, { loaded }) => <ExecutionPanel {...args} instanceId={loaded.instanceId} />,
};

/**
 * With a workflow: the History tab lists its runs; open one to see it, and move the timeline to
 * replay it event by event. The Step data tab shows a chosen step's input and output.
 */
export const WithHistory: Story = {
  loaders: [async () => saveAndRun('Order routing', completingWorkflow, 3)],
  render: (args, { loaded }) => (
    <ExecutionPanel
      {...args}
      workflowId={loaded.workflowId}
      instanceId={loaded.instanceIds.at(-1)}
    />
  ),
};

/** A run that started a sub-workflow: the related runs link to it. */
export const WithSubWorkflow: Story = {
  loaders: [
    async () => {
      const child = await saveAndRun('Child: order routing', completingWorkflow, 0);
      const instanceId = await startRun('Parent', {
        nodes: [
          { id: 'start', type: 'manual_trigger', position: { x: 0, y: 0 } },
          {
            id: 'sub',
            type: 'sub_workflow',
            position: { x: 260, y: 0 },
            data: { parameters: { workflow_id: child.workflowId }, label: 'Route the order' },
          },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'sub' }],
      });
      return { instanceId };
    },
  ],
  render: (args, { loaded }) => <ExecutionPanel {...args} instanceId={loaded.instanceId} />,
};
