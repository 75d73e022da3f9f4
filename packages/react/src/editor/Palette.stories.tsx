import { builtinComponents, ComponentRegistry } from '@flowloom/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { allParameterTypesComponent } from '../../.storybook/allParameterTypes';
import { Palette } from './Palette';

const builtins = new ComponentRegistry({ components: builtinComponents }).getAllComponents();

/** The component palette: grouped by category, searchable, draggable and clickable. */
const meta = {
  title: 'Editor/Palette',
  component: Palette,
  args: { components: [...builtins, allParameterTypesComponent], onAdd: fn(), onDragStart: fn() },
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ height: '100vh', width: 260 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Palette>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The built-in components plus a custom one. */
export const Default: Story = {};

/** While the server's list is loading. */
export const WithNotice: Story = { args: { notice: 'Loading components…' } };

/** No components at all. */
export const Empty: Story = { args: { components: [] } };
