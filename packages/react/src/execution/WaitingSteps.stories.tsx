import type { ExecutionStatus } from '@flowloom/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { WaitingSteps } from './WaitingSteps';

/** The steps a run waits at: Approve / Reject for an approval, the wake time of a timed wait. */
const meta = {
  title: 'Execution/WaitingSteps',
  component: WaitingSteps,
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ padding: 16 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof WaitingSteps>;

export default meta;
type Story = StoryObj<typeof meta>;

const status: ExecutionStatus = {
  instance_id: 'inst_1',
  status: 'waiting',
  steps: {
    approve: {
      status: 'waiting',
      attempts: 1,
      started_at: '2025-05-01T10:00:00.000Z',
      finished_at: null,
      wait: { resume: true, wake_at: '2030-01-01T09:00:00.000Z' },
    },
    cool_down: {
      status: 'waiting',
      attempts: 1,
      started_at: '2025-05-01T10:00:00.000Z',
      finished_at: null,
      wait: { resume: false, wake_at: '2030-01-02T09:00:00.000Z' },
    },
  },
  progress: { completed: 1, total: 4 },
  started_at: '2025-05-01T10:00:00.000Z',
  finished_at: null,
  error: null,
  variables: {},
};

export const ApprovalAndTimer: Story = {
  args: {
    status,
    stepNames: { approve: 'Manager approval', cool_down: 'Cool down' },
    onResume: fn(async () => ({ success: true as const, data: null })),
  },
};

/** The server refuses the resume (the step stopped waiting meanwhile). */
export const Refused: Story = {
  args: {
    ...ApprovalAndTimer.args,
    onResume: fn(async () => ({
      success: false as const,
      error: { code: 'CONFLICT', message: 'Step "approve" is not waiting', status: 409 },
    })),
  },
};
