import type { Meta, StoryObj } from '@storybook/react-vite';
import { JsonTree } from './JsonTree';

/** A JSON value as a collapsible, virtualised tree. */
const meta = {
  title: 'Execution/JsonTree',
  component: JsonTree,
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ padding: 16, maxWidth: 480 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof JsonTree>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every kind of value; the lines copy `{{ steps.fetch.… }}` when clicked. */
export const Copyable: Story = {
  args: {
    'aria-label': 'Output of Fetch order',
    expressionStepId: 'fetch',
    value: {
      status_code: 200,
      ok: true,
      next: null,
      body: { id: 7, 'content-type': 'application/json', tags: ['new', 'vip'] },
      note: 'A long note '.repeat(30),
    },
  },
};

/** Fifty thousand lines once expanded, rendered a screenful at a time. */
export const Large: Story = {
  args: {
    'aria-label': 'Large value',
    value: Array.from({ length: 50_000 }, (_, index) => ({ index, even: index % 2 === 0 })),
  },
};
