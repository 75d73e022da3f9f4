import { memo } from 'react';
import type { EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { ParameterForm } from './ParameterForm';

const selectSingleSelectedId = (state: EditorStore) =>
  state.selectedNodeIds.length === 1 ? state.selectedNodeIds[0] : undefined;
const selectSelectionCount = (state: EditorStore) => state.selectedNodeIds.length;
const selectWorkflowIssues = (state: EditorStore) => state.issuesByNode[''];

/**
 * The panel beside the canvas: the selected node's parameter form, or the workflow's own
 * problems from the last save and a hint when no single node is selected.
 */
export const SidePanel = memo(function SidePanel() {
  const nodeId = useEditorStore(selectSingleSelectedId);
  const count = useEditorStore(selectSelectionCount);
  const workflowIssues = useEditorStore(selectWorkflowIssues);
  return (
    <aside className="flowloom-side-panel" aria-label="Node settings">
      {nodeId !== undefined ? (
        <ParameterForm nodeId={nodeId} />
      ) : (
        <>
          <p className="flowloom-side-panel__empty">
            {count > 1
              ? `${count} nodes selected. Select one node to edit its settings.`
              : 'Select a node to edit its settings.'}
          </p>
          {workflowIssues?.length ? (
            <ul className="flowloom-message flowloom-message--error" aria-label="Workflow problems">
              {workflowIssues.map((issue) => (
                <li key={`${issue.code}:${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </aside>
  );
});
