import type { ColorMode } from '@xyflow/react';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import type { SaveWorkflowResult, WorkflowClient } from '../client/clientTypes';
import { useWorkflowClient } from '../hooks/useWorkflowClient';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { createEditorStore } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { builtinComponentList } from './builtinComponentList';
import { WorkflowEditorLayout } from './WorkflowEditorLayout';
import { WorkflowErrorBoundary } from './WorkflowErrorBoundary';

/** Props of {@link WorkflowEditor}. */
export interface WorkflowEditorProps {
  /** A saved workflow to load on mount; a new, empty one when absent. */
  workflowId?: string;
  /** Shows a Back button that calls it (after asking when there are unsaved changes). */
  onBack?: () => void;
  /**
   * The API client. @default the enclosing `<WorkflowProvider>`'s, else one on `/api/workflow`
   */
  client?: WorkflowClient;
  /** Light, dark, or following the system's preference. @default 'light' */
  colorMode?: ColorMode;
  /** Added to the editor root's class names. */
  className?: string;
  /**
   * Told after each successful save, and after an import (which saves the file as a new
   * workflow and opens it): `result.workflow_id` is the workflow the editor now shows.
   */
  onSaved?: (result: SaveWorkflowResult) => void;
  /** Told the instance id when Execute has started a run. */
  onExecuted?: (instanceId: string) => void;
  /**
   * The largest file Import reads; match it to the server's `bodyLimit` when you raise that.
   * @default 1048576 (1 MiB, the server's default)
   */
  maxImportBytes?: number;
}

/**
 * The workflow editor: a palette of the server's components (drag them onto the canvas, or
 * click), the canvas on @xyflow/react, a parameter form for the selected node, and a toolbar
 * with Save, Execute (with a live execution panel), undo/redo, delete, auto-layout, fit view,
 * Export and Import.
 *
 * @remarks Import `@flowloom/react/styles.css` once; give the editor's parent a height. Without
 * a `client` or `<WorkflowProvider>` it talks to `/api/workflow` on the page's origin. Execute
 * runs the saved workflow (saving first only when there are unsaved changes), so its runs are
 * listed under the workflow (`listInstances({ workflow_id })`). A save made elsewhere meanwhile
 * is never overwritten silently: the editor offers to reload it or to overwrite it.
 * @example
 * <div style={{ height: '100vh' }}>
 *   <WorkflowEditor workflowId={id} onBack={() => navigate('/workflows')} colorMode="system" />
 * </div>
 */
export function WorkflowEditor({ client, ...props }: WorkflowEditorProps) {
  const inherited = useWorkflowClient();
  // Outside the error boundary, so "Try again" keeps the unsaved work.
  const [store] = useState(() =>
    createEditorStore({
      components: Object.fromEntries(
        builtinComponentList().map((component) => [component.type, component]),
      ),
    }),
  );
  return (
    <WorkflowProvider client={client ?? inherited}>
      <WorkflowErrorBoundary>
        <EditorStoreProvider store={store}>
          <ReactFlowProvider>
            <WorkflowEditorLayout {...props} />
          </ReactFlowProvider>
        </EditorStoreProvider>
      </WorkflowErrorBoundary>
    </WorkflowProvider>
  );
}
