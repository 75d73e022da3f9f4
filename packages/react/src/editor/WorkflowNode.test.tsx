import type { ExecutionEvent } from '@flowloom/core';
import { act, render, screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { createRef } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEditorStore, type EditorStoreApi } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { allParameterTypesMetadata } from './allParameterTypes.test-helpers';
import { builtinComponentMetadata } from './builtinComponentMetadata';
import { WorkflowCanvas } from './WorkflowCanvas';

let store: EditorStoreApi;

function renderCanvas() {
  render(
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <WorkflowCanvas
          canvasRef={createRef()}
          draggedTypeRef={{ current: null }}
          onDropComponent={() => {}}
        />
      </ReactFlowProvider>
    </EditorStoreProvider>,
  );
}

const nodeView = (id: string) =>
  document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"] .flowloom-node`)!;

function stepEvent(
  seq: number,
  event_type: 'step_started' | 'step_skipped' | 'step_failed',
  step_id: string,
): ExecutionEvent {
  const data = {
    step_started: { attempt: 1 },
    step_skipped: { reason: 'branch_not_taken' as const },
    step_failed: {
      error: { code: 'BOOM', message: 'boom' },
      attempts: 1,
      duration_ms: 1,
      output_handles: [],
    },
  }[event_type];
  return {
    seq,
    event_type,
    step_id,
    instance_id: 'inst-1',
    timestamp: new Date(0).toISOString(),
    data,
  } as ExecutionEvent;
}

describe('WorkflowNode', () => {
  beforeEach(() => {
    store = createEditorStore();
    store.getState().setComponents([...builtinComponentMetadata, allParameterTypesMetadata]);
  });

  it('shows the icon, the label and the component name when they differ', () => {
    const id = store.getState().addNode('all_types', { x: 0, y: 0 });
    store.getState().setNodeLabel(id, 'Notify ops');
    renderCanvas();
    const node = nodeView(id);
    expect(within(node).getByText('Notify ops')).toHaveClass('flowloom-node__title');
    expect(within(node).getByText('All Types')).toBeInTheDocument();
    expect(node.querySelector('svg[data-icon="EnvelopeIcon"]')).not.toBeNull();
  });

  it('follows the live run status: running, then failed or skipped', () => {
    const first = store.getState().addNode('log', { x: 0, y: 0 });
    const second = store.getState().addNode('log', { x: 300, y: 0 });
    renderCanvas();
    expect(nodeView(first).dataset.status).toBeUndefined();
    act(() => store.getState().applyExecutionEvent(stepEvent(1, 'step_started', first)));
    expect(nodeView(first)).toHaveClass('flowloom-node--running');
    expect(within(nodeView(first)).getByText('Running')).toBeInTheDocument();
    act(() => {
      store.getState().applyExecutionEvent(stepEvent(2, 'step_failed', first));
      store.getState().applyExecutionEvent(stepEvent(3, 'step_skipped', second));
    });
    expect(nodeView(first)).toHaveClass('flowloom-node--failed');
    expect(within(nodeView(first)).getByText('Failed')).toBeInTheDocument();
    expect(nodeView(second)).toHaveClass('flowloom-node--skipped');
    expect(within(nodeView(second)).getByText('Skipped')).toBeInTheDocument();
  });

  it('marks a node with errors, but not one with only warnings', () => {
    const broken = store.getState().addNode('http_request', { x: 0, y: 0 });
    const warned = store.getState().addNode('log', { x: 300, y: 0 });
    store.getState().markSaved('wf-1', [
      {
        code: 'MISSING_REQUIRED_PARAMETER',
        message: 'URL is required',
        severity: 'error',
        node_id: broken,
        field: 'url',
      },
      { code: 'UNREACHABLE_NODE', message: 'Unreachable', severity: 'warning', node_id: warned },
    ]);
    renderCanvas();
    expect(nodeView(broken)).toHaveClass('flowloom-node--invalid');
    expect(within(nodeView(broken)).getByRole('img', { name: '1 error' })).toHaveAttribute(
      'title',
      'URL is required',
    );
    expect(nodeView(warned)).not.toHaveClass('flowloom-node--invalid');
  });

  it('draws a node of an unknown component with default handles and says so', () => {
    store.setState({
      nodes: [{ id: 'x1', type: 'mystery', position: { x: 0, y: 0 }, data: { parameters: {} } }],
    });
    renderCanvas();
    const node = nodeView('x1');
    expect(within(node).getByText('Unknown component')).toBeInTheDocument();
    expect(node.querySelectorAll('.react-flow__handle')).toHaveLength(2);
    expect(screen.getByText('mystery')).toHaveClass('flowloom-node__title');
  });
});
