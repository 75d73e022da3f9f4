import type { ComponentHandle } from '@flowloom/core';
import { type NodeProps, useUpdateNodeInternals } from '@xyflow/react';
import { type CSSProperties, memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import type { EditorNode, EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { ComponentIcon } from './ComponentIcon';
import { handlesOf, rowsOf } from './estimateNodeLayout';
import { headerColorsOf } from './headerColorsOf';
import { NodeHandles } from './NodeHandles';

/**
 * A workflow step on the canvas: its component's icon, label and colour (a gradient header
 * whose title stays readable on every stop),
 * the handles the metadata declares with their labels, its live run status, a red mark for
 * errors and an amber one for warnings (the last save's and the graph check's), and greyed out
 * when disabled.
 */
export const WorkflowNode = memo(function WorkflowNode({ id, type, data }: NodeProps<EditorNode>) {
  const text = useMessages('node', enCore.node);
  const statusWords = useMessages('status', enCore.status);
  const component = useEditorStore(
    useCallback((state: EditorStore) => state.components[type], [type]),
  );
  const status = useEditorStore(useCallback((state: EditorStore) => state.runStatus[id], [id]));
  const problems = useEditorStore(
    useCallback((state: EditorStore) => state.problemsByNode[id], [id]),
  );
  const errors = problems?.filter((issue) => issue.severity === 'error');
  const warnings = problems?.filter((issue) => issue.severity === 'warning');
  const disabled = data.disabled === true;

  const name = component?.name ?? type;
  const label = data.label?.trim() || name;
  const classes = ['flowloom-node'];
  if (status) classes.push(`flowloom-node--${status}`);
  if (errors?.length) classes.push('flowloom-node--invalid');
  else if (warnings?.length) classes.push('flowloom-node--warning');
  if (disabled) classes.push('flowloom-node--disabled');
  if (!component) classes.push('flowloom-node--unknown');

  const handles = useMemo(() => handlesOf(component), [component]);
  useRemeasureOnNewHandles(id, handles);
  // Enough height for the labels of the busiest side, and for those above and below the body.
  const rows = rowsOf(handles);
  const header = headerColorsOf(component?.color);

  return (
    <div
      className={classes.join(' ')}
      data-status={status}
      data-node-type={type}
      data-disabled={disabled || undefined}
      style={{ '--flowloom-node-rows': rows } as CSSProperties}
    >
      <div
        className="flowloom-node__header"
        style={{ background: header.background, color: header.color }}
      >
        <ComponentIcon icon={component?.icon} name={name} />
        <span className="flowloom-node__title">{label}</span>
        {errors?.length ? (
          <span
            className="flowloom-node__error-mark"
            role="img"
            aria-label={text.errors(errors.length)}
            title={errors.map((issue) => issue.message).join('\n')}
          >
            !
          </span>
        ) : null}
        {warnings?.length ? (
          <span
            className="flowloom-node__warning-mark"
            role="img"
            aria-label={text.warnings(warnings.length)}
            title={warnings.map((issue) => issue.message).join('\n')}
          >
            !
          </span>
        ) : null}
      </div>
      <div className="flowloom-node__body">
        {label !== name ? <span className="flowloom-node__type">{name}</span> : null}
        {!component ? <span className="flowloom-node__type">{text.unknown}</span> : null}
        {disabled ? <span className="flowloom-node__disabled">{text.disabled}</span> : null}
        {status ? (
          <span className={`flowloom-status flowloom-status--${status}`}>
            {statusWords[status]}
          </span>
        ) : null}
      </div>
      <NodeHandles handles={handles} nodeName={label} />
    </div>
  );
});

/**
 * Has xyflow measure the node's handles again when its component's handles change (a refetched
 * component list). It measures them itself only when the node's size changes, and an edge whose
 * handle it has not measured is not drawn.
 */
function useRemeasureOnNewHandles(id: string, handles: readonly ComponentHandle[]): void {
  const updateNodeInternals = useUpdateNodeInternals();
  const layout = useMemo(
    () => handles.map((handle) => `${handle.type}:${handle.id}:${handle.position}`).join(),
    [handles],
  );
  const measured = useRef(layout);
  useEffect(() => {
    if (measured.current === layout) return;
    measured.current = layout;
    updateNodeInternals(id);
  }, [id, layout, updateNodeInternals]);
}
