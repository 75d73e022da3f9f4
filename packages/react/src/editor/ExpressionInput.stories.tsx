import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { fn } from 'storybook/test';
import { ExpressionInput, type ExpressionInputProps } from './ExpressionInput';

const scope = {
  steps: [
    { id: 'fetch', name: 'HTTP Request' },
    { id: 'start', name: 'Manual Trigger' },
  ],
  outputs: { fetch: { status_code: 200, body: { id: 7, total: 140, priority: true } } },
  schemas: {},
  input: { order_id: 7 },
  vars: {},
};

/** Keeps the value, as a form would. */
function Field(props: ExpressionInputProps) {
  const [value, setValue] = useState(props.value);
  return (
    <div className="flowloom-field">
      <label id="story-label" className="flowloom-field__label" htmlFor={props.id}>
        Message
      </label>
      <ExpressionInput
        {...props}
        value={value}
        onChange={(next) => {
          setValue(next);
          props.onChange(next);
        }}
      />
    </div>
  );
}

/**
 * A text parameter: plain until focused, then CodeMirror (loaded on that first focus); type
 * `{{` for the steps before the node, then their output paths.
 */
const meta = {
  title: 'Editor/ExpressionInput',
  component: ExpressionInput,
  args: {
    id: 'story-message',
    labelId: 'story-label',
    value: 'Total: ',
    multiline: false,
    required: true,
    invalid: false,
    getScope: () => scope,
    onChange: fn(),
  },
  render: (args) => <Field {...args} />,
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ width: 320, padding: 12 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ExpressionInput>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SingleLine: Story = {};

export const Multiline: Story = {
  args: { multiline: true, value: 'Order {{ input.order_id }}\n' },
};
