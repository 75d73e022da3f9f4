import type { ExecutionEvent } from '@flowloom/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { RunTimeline } from './RunTimeline';

/** A slider over a run's events: each position is a moment of the run. */
const meta = {
  title: 'Execution/RunTimeline',
  component: RunTimeline,
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ padding: 16, maxWidth: 720 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof RunTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

const at = (second: number) => new Date(Date.UTC(2025, 4, 1, 10, 0, second)).toISOString();
const events: ExecutionEvent[] = [
  {
    seq: 1,
    instance_id: 'i',
    timestamp: at(0),
    event_type: 'execution_started',
    data: { input_data: {}, variables: {}, total_steps: 2 },
  },
  {
    seq: 2,
    instance_id: 'i',
    step_id: 'fetch',
    timestamp: at(1),
    event_type: 'step_started',
    data: { attempt: 1 },
  },
  {
    seq: 3,
    instance_id: 'i',
    step_id: 'fetch',
    timestamp: at(2),
    event_type: 'step_completed',
    data: { output_data: {}, output_handles: ['success'], duration_ms: 900, attempts: 1 },
  },
  {
    seq: 4,
    instance_id: 'i',
    step_id: 'say',
    timestamp: at(3),
    event_type: 'step_started',
    data: { attempt: 1 },
  },
  {
    seq: 5,
    instance_id: 'i',
    step_id: 'say',
    timestamp: at(3),
    event_type: 'step_completed',
    data: { output_data: {}, output_handles: ['output'], duration_ms: 2, attempts: 1 },
  },
  {
    seq: 6,
    instance_id: 'i',
    timestamp: at(3),
    event_type: 'execution_completed',
    data: { duration_ms: 3000, progress: { completed: 2, total: 2 } },
  },
];

/** Drag it, or focus it and use the arrow keys; Latest returns to the end. */
export const Interactive: Story = {
  args: {
    events,
    position: 3,
    onChange: () => {},
    stepNames: { fetch: 'Fetch order', say: 'Announce' },
  },
  render: function Render(args) {
    const [position, setPosition] = useState(args.position);
    return <RunTimeline {...args} position={position} onChange={setPosition} />;
  },
};
