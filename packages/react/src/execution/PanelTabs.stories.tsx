import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { PanelTabs } from './PanelTabs';

/** The execution panel's tabs: arrow keys, Home and End move between them. */
const meta = {
  title: 'Execution/PanelTabs',
  component: PanelTabs,
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ padding: 16 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PanelTabs>;

export default meta;
type Story = StoryObj<typeof meta>;

const tabs = [
  { id: 'run', label: 'Run' },
  { id: 'step', label: 'Step data' },
  { id: 'history', label: 'History' },
];

export const Default: Story = {
  args: { tabs, selected: 'run', onSelect: () => {}, idPrefix: 'story', 'aria-label': 'Panel' },
  render: function Render(args) {
    const [selected, setSelected] = useState(args.selected);
    return <PanelTabs {...args} selected={selected} onSelect={setSelected} />;
  },
};
