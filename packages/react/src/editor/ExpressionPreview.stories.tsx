import type { Meta, StoryObj } from '@storybook/react-vite';
import { ExpressionPreview } from './ExpressionPreview';

const scope = {
  steps: { fetch: { body: { total: 140 } } },
  input: { order_id: 7 },
  vars: {},
  stepIds: new Set(['fetch', 'side']),
};

/** Under a parameter: what it resolves to against the last run, or why it does not. */
const meta = {
  title: 'Editor/ExpressionPreview',
  component: ExpressionPreview,
  args: { id: 'preview', value: 'Total: {{ steps.fetch.body.total }}', scope, hasRun: true },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ width: 320, padding: 12 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ExpressionPreview>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Resolves: Story = {};

/** A step that does not run before this one. */
export const DoesNotResolve: Story = { args: { value: '{{ steps.side.message }}' } };

/** No run yet. */
export const NoRunYet: Story = { args: { hasRun: false, value: '{{ steps.fetch.body }}' } };
