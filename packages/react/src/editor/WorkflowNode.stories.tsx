import { builtinComponents, ComponentRegistry, type StepStatus } from '@flowloom/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { allParameterTypesComponent } from '../../.storybook/allParameterTypes';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import type { EditorNode, EditorState } from '../store/editorTypes';
import { nodeTypes } from './nodeTypes';

const components = Object.fromEntries(
  [
    ...new ComponentRegistry({ components: builtinComponents }).getAllComponents(),
    allParameterTypesComponent,
  ].map((component) => [component.type, component]),
);

const STATUSES: Array<StepStatus | undefined> = [
  undefined,
  'pending',
  'running',
  'completed',
  'failed',
  'skipped',
];

const TYPES = ['http_request', 'condition', 'send_email', 'transform', 'log', 'delay'];

interface NodeGalleryProps {
  /** The run status every node shows; each node its own status when absent. */
  status?: StepStatus;
  /** Mark the nodes as having validation errors. */
  invalid?: boolean;
  /** Draw a node of a type the server does not know. */
  withUnknown?: boolean;
}

/** Nodes on a real @xyflow/react canvas, drawn by `WorkflowNode`, in the run statuses given. */
function NodeGallery({ status, invalid = false, withUnknown = false }: NodeGalleryProps) {
  const nodes: EditorNode[] = STATUSES.map((_, index) => ({
    id: `node_${index}`,
    type: TYPES[index] as string,
    position: { x: (index % 3) * 280, y: Math.floor(index / 3) * 200 },
    data: { parameters: {}, label: status ? undefined : (STATUSES[index] ?? 'No run yet') },
  }));
  if (withUnknown) {
    nodes.push({
      id: 'unknown',
      type: 'legacy_step',
      position: { x: 840, y: 0 },
      data: { parameters: {} },
    });
  }
  const runStatus: EditorState['runStatus'] = {};
  nodes.forEach((node, index) => {
    const nodeStatus = status ?? STATUSES[index];
    if (nodeStatus) runStatus[node.id] = nodeStatus;
  });
  const issuesByNode: EditorState['issuesByNode'] = invalid
    ? Object.fromEntries(
        nodes.map((node) => [
          node.id,
          [
            {
              code: 'MISSING_REQUIRED_PARAMETER' as const,
              message: 'A required parameter is empty',
              severity: 'error' as const,
              node_id: node.id,
            },
          ],
        ]),
      )
    : {};

  return (
    <EditorStoreProvider initialState={{ components, nodes, runStatus, issuesByNode }}>
      <ReactFlowProvider>
        <div className="flowloom-root" style={{ height: '100vh' }}>
          <ReactFlow
            nodes={nodes}
            nodeTypes={nodeTypes}
            fitView
            proOptions={{ hideAttribution: true }}
          />
        </div>
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

const meta = {
  title: 'Editor/WorkflowNode',
  component: NodeGallery,
} satisfies Meta<typeof NodeGallery>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One node per status: none yet, pending, running, completed, failed and skipped. */
export const EveryStatus: Story = {};

export const Pending: Story = { args: { status: 'pending' } };
export const Running: Story = { args: { status: 'running' } };
export const Completed: Story = { args: { status: 'completed' } };
export const Failed: Story = { args: { status: 'failed' } };
export const Skipped: Story = { args: { status: 'skipped' } };

/** Nodes the last save found errors in, and one of an unknown component type. */
export const InvalidAndUnknown: Story = { args: { invalid: true, withUnknown: true } };
