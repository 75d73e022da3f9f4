import type { Meta, StoryObj } from '@storybook/react-vite';
import { StepInspector } from './StepInspector';

/** What one step received and returned; a click on an output value copies its expression. */
const meta = {
  title: 'Execution/StepInspector',
  component: StepInspector,
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ padding: 16, maxWidth: 900 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof StepInspector>;

export default meta;
type Story = StoryObj<typeof meta>;

const at = '2025-05-01T10:00:00.000Z';

/** A completed HTTP request: its resolved parameters, its response, the handle it took. */
export const Completed: Story = {
  args: {
    name: 'Fetch order',
    details: {
      stepId: 'fetch',
      status: 'completed',
      attempts: 2,
      input: { url: 'https://shop.example/orders/7', method: 'GET', headers: { accept: 'json' } },
      hasOutput: true,
      output: {
        status_code: 200,
        body: { id: 7, total: 240, currency: 'EUR', items: [{ sku: 'A-1', qty: 2 }] },
      },
      error: undefined,
      outputHandles: ['success'],
      wait: undefined,
    },
    logs: [
      {
        instance_id: 'i',
        seq: 3,
        step_id: 'fetch',
        level: 'warn',
        message: 'Retrying once',
        timestamp: at,
      },
      {
        instance_id: 'i',
        seq: 5,
        step_id: 'fetch',
        level: 'info',
        message: 'GET 200',
        timestamp: at,
      },
    ],
  },
};

/** A failed step: its error, its input, no output. */
export const Failed: Story = {
  args: {
    name: 'Reshape',
    details: {
      stepId: 'reshape',
      status: 'failed',
      attempts: 1,
      input: { mapping: [1, 2, 3] },
      hasOutput: false,
      output: undefined,
      error: { code: 'INVALID_PARAMETERS', message: 'mapping must be an object' },
      outputHandles: [],
      wait: undefined,
    },
    logs: [],
  },
};

/** A step a stop ended, and a step waiting for an approval that times out. */
export const CancelledAndWaiting: Story = {
  args: {
    name: 'Manager approval',
    details: {
      stepId: 'approve',
      status: 'waiting',
      attempts: 1,
      input: { mode: 'resume', timeout_ms: 86_400_000 },
      hasOutput: false,
      output: undefined,
      error: undefined,
      outputHandles: undefined,
      wait: { resume: true, wake_at: '2030-01-01T09:00:00.000Z' },
    },
    logs: [],
  },
};

/** Ten thousand items: only the lines in view are rendered. */
export const LargeOutput: Story = {
  args: {
    name: 'List orders',
    details: {
      stepId: 'list',
      status: 'completed',
      attempts: 1,
      input: { page_size: 10_000 },
      hasOutput: true,
      output: { orders: Array.from({ length: 10_000 }, (_, id) => ({ id, total: id * 3 })) },
      error: undefined,
      outputHandles: ['output'],
      wait: undefined,
    },
    logs: [],
  },
};
