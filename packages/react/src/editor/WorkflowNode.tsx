import {
  DEFAULT_INPUT_HANDLE,
  DEFAULT_OUTPUT_HANDLE,
  type StepStatus,
  type WorkflowComponentMetadata,
} from '@flowloom/core';
import type { NodeProps } from '@xyflow/react';
import { type CSSProperties, memo, useCallback } from 'react';
import type { EditorNode, EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { ComponentIcon } from './ComponentIcon';
import { gradientOf } from './gradientOf';
import { NodeHandles } from './NodeHandles';

const STATUS_LABELS: Record<StepStatus, string> = {
  pending: 'Pending',
  running: 'Running',
  waiting: 'Waiting',
  completed: 'Completed',
  failed: 'Failed',
  skipped: 'Skipped',
};

const DEFAULT_HANDLES = [DEFAULT_INPUT_HANDLE, DEFAULT_OUTPUT_HANDLE];

function handlesOf(component: WorkflowComponentMetadata | undefined) {
  return component ? [...component.input_handles, ...component.output_handles] : DEFAULT_HANDLES;
}

/**
 * A workflow step on the canvas: its component's icon, label and colour (a gradient header),
 * the handles the metadata declares with their labels, its live run status and a mark when the
 * last save found errors in it.
 */
export const WorkflowNode = memo(function WorkflowNode({ id, type, data }: NodeProps<EditorNode>) {
  const component = useEditorStore(
    useCallback((state: EditorStore) => state.components[type], [type]),
  );
  const status = useEditorStore(useCallback((state: EditorStore) => state.runStatus[id], [id]));
  const errors = useEditorStore(
    useCallback((state: EditorStore) => state.issuesByNode[id], [id]),
  )?.filter((issue) => issue.severity === 'error');

  const name = component?.name ?? type;
  const label = data.label?.trim() || name;
  const classes = ['flowloom-node'];
  if (status) classes.push(`flowloom-node--${status}`);
  if (errors?.length) classes.push('flowloom-node--invalid');
  if (!component) classes.push('flowloom-node--unknown');

  const handles = handlesOf(component);
  // Enough height for the labels of the busiest side, and for those above and below the body.
  const count = (side: string) => handles.filter((handle) => handle.position === side).length;
  const rows =
    Math.max(count('left'), count('right'), 1) +
    (count('top') > 0 ? 1 : 0) +
    (count('bottom') > 0 ? 1 : 0);

  return (
    <div
      className={classes.join(' ')}
      data-status={status}
      data-node-type={type}
      style={{ '--flowloom-node-rows': rows } as CSSProperties}
    >
      <div className="flowloom-node__header" style={{ background: gradientOf(component?.color) }}>
        <ComponentIcon icon={component?.icon} name={name} />
        <span className="flowloom-node__title">{label}</span>
        {errors?.length ? (
          <span
            className="flowloom-node__error-mark"
            role="img"
            aria-label={`${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`}
            title={errors.map((issue) => issue.message).join('\n')}
          >
            !
          </span>
        ) : null}
      </div>
      <div className="flowloom-node__body">
        {label !== name ? <span className="flowloom-node__type">{name}</span> : null}
        {!component ? <span className="flowloom-node__type">Unknown component</span> : null}
        {status ? (
          <span className={`flowloom-status flowloom-status--${status}`}>
            {STATUS_LABELS[status]}
          </span>
        ) : null}
      </div>
      <NodeHandles handles={handles} />
    </div>
  );
});
