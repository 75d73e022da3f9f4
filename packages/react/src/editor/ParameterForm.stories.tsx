import type { Meta, StoryObj } from '@storybook/react-vite';
import { allParameterTypesComponent } from '../../.storybook/allParameterTypes';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import type { EditorState } from '../store/editorTypes';
import { ParameterForm } from './ParameterForm';

const NODE_ID = 'email_1';

function editorWith(overrides: Partial<EditorState> = {}): Partial<EditorState> {
  return {
    components: { [allParameterTypesComponent.type]: allParameterTypesComponent },
    nodes: [
      {
        id: NODE_ID,
        type: allParameterTypesComponent.type,
        position: { x: 0, y: 0 },
        data: { parameters: { body: 'Hello!', priority: 3, track_opens: true, format: 'text' } },
      },
    ],
    selectedNodeIds: [NODE_ID],
    ...overrides,
  };
}

/** The form generated from a component's parameters: one field per `ParameterType`. */
const meta = {
  title: 'Editor/ParameterForm',
  component: ParameterForm,
  args: { nodeId: NODE_ID },
  decorators: [
    (Story, { parameters }) => (
      <EditorStoreProvider initialState={editorWith(parameters.editorState)}>
        <div className="flowloom-root" style={{ width: 320, padding: 12 }}>
          <Story />
        </div>
      </EditorStoreProvider>
    ),
  ],
} satisfies Meta<typeof ParameterForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** String, textarea, number, boolean, select, JSON, secret and expression fields. */
export const EveryParameterType: Story = {};

/** The server's validation errors for the node, shown under their fields. */
export const WithValidationErrors: Story = {
  parameters: {
    editorState: {
      issuesByNode: {
        [NODE_ID]: [
          {
            code: 'MISSING_REQUIRED_PARAMETER',
            message: 'To is required',
            severity: 'error',
            node_id: NODE_ID,
            field: 'to',
          },
          {
            code: 'INVALID_PARAMETER_VALUE',
            message: 'Priority must be at most 5',
            severity: 'error',
            node_id: NODE_ID,
            field: 'priority',
          },
          {
            code: 'UNREACHABLE_NODE',
            message: 'No trigger reaches this node',
            severity: 'warning',
            node_id: NODE_ID,
          },
        ],
      },
    } satisfies Partial<EditorState>,
  },
};
