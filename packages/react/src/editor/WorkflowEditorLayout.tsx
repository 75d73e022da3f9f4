import { type ColorMode, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ExecutionPanel } from '../execution/ExecutionPanel';
import { selectDirty } from '../store/editorSelectors';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { autoLayout } from './autoLayout';
import { Palette } from './Palette';
import { SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';
import { useAddComponent } from './useAddComponent';
import { useBeforeUnloadPrompt } from './useBeforeUnloadPrompt';
import { type EditorCommandOptions, useEditorCommands } from './useEditorCommands';
import { useEditorComponents } from './useEditorComponents';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useLiveRunStatus } from './useLiveRunStatus';
import { VersionConflictNotice } from './VersionConflictNotice';
import { WorkflowCanvas } from './WorkflowCanvas';

/** Props of {@link WorkflowEditorLayout}. */
export interface WorkflowEditorLayoutProps extends EditorCommandOptions {
  workflowId?: string;
  onBack?: () => void;
  colorMode?: ColorMode;
  className?: string;
}

const FIT_VIEW = { padding: 0.2, maxZoom: 1, duration: 200 };
/**
 * Past this many nodes the first view shows a readable part of the graph instead of all of it:
 * fitting thousands of nodes at zoom 0.1 puts them all on screen, which defeats rendering only
 * the visible ones and makes dragging and panning slow.
 */
const LARGE_GRAPH = 300;
const FIT_LARGE_VIEW = { ...FIT_VIEW, minZoom: 0.5 };

/**
 * The editor's screen inside its providers: toolbar, a save's version conflict, palette, canvas,
 * side panel and, once a run starts, the execution panel; plus the shortcuts, the unsaved-changes prompt, the load of
 * `workflowId` and the live run status.
 */
export function WorkflowEditorLayout({
  workflowId,
  onBack,
  colorMode = 'light',
  className,
  onSaved,
  onExecuted,
  maxImportBytes,
}: WorkflowEditorLayoutProps) {
  const store = useEditorStoreApi();
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const draggedTypeRef = useRef<string | null>(null);
  const { fitView: fitViewNow } = useReactFlow();
  // A hidden or unsized canvas (display: none, a closed tab) would get a NaN viewport.
  const fitView = useCallback(() => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return;
    void fitViewNow(store.getState().nodes.length > LARGE_GRAPH ? FIT_LARGE_VIEW : FIT_VIEW);
  }, [fitViewNow, store]);
  const { components, notice } = useEditorComponents();
  const commands = useEditorCommands({ onSaved, onExecuted, maxImportBytes });
  const { load, report, instanceId } = commands;
  const addComponent = useAddComponent(canvasRef);
  const dirty = useEditorStore(selectDirty);
  const [panelOpen, setPanelOpen] = useState(false);

  useEditorShortcuts(rootRef);
  useBeforeUnloadPrompt(dirty);
  useLiveRunStatus(instanceId);

  useEffect(() => {
    if (workflowId === undefined) return;
    void load(workflowId).then(fitView);
  }, [workflowId, load, fitView]);

  useEffect(() => {
    if (instanceId !== undefined) setPanelOpen(true);
  }, [instanceId]);

  const onDragStart = useCallback((componentType: string) => {
    draggedTypeRef.current = componentType;
  }, []);
  const onAdd = useCallback(
    (componentType: string) => void addComponent(componentType),
    [addComponent],
  );
  const onDropComponent = useCallback(
    (componentType: string, point: { x: number; y: number }) =>
      void addComponent(componentType, point),
    [addComponent],
  );
  const onAutoLayout = useCallback(async () => {
    const { nodes, edges } = store.getState();
    try {
      store.getState().setPositions(await autoLayout(nodes, edges));
      fitView();
    } catch (error) {
      report({
        kind: 'error',
        text: `Auto-layout failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }, [store, fitView, report]);

  return (
    <div
      ref={rootRef}
      className={
        className ? `flowloom-root flowloom-editor ${className}` : 'flowloom-root flowloom-editor'
      }
      data-color-mode={colorMode}
    >
      <Toolbar
        feedback={commands.feedback}
        busy={commands.busy}
        onSave={commands.save}
        onExecute={commands.execute}
        onExport={commands.exportFile}
        onImport={commands.importFile}
        onAutoLayout={onAutoLayout}
        onFitView={fitView}
        onBack={onBack}
      />
      {commands.conflict ? (
        <VersionConflictNotice
          conflict={commands.conflict}
          busy={commands.busy !== undefined}
          onReload={commands.reload}
          onOverwrite={commands.overwrite}
        />
      ) : null}
      <div className="flowloom-editor__main">
        <Palette components={components} onAdd={onAdd} onDragStart={onDragStart} notice={notice} />
        <div className="flowloom-editor__canvas-area">
          <WorkflowCanvas
            canvasRef={canvasRef}
            draggedTypeRef={draggedTypeRef}
            onDropComponent={onDropComponent}
            colorMode={colorMode}
          />
        </div>
        <SidePanel />
      </div>
      {instanceId !== undefined && panelOpen ? (
        <div className="flowloom-editor__execution">
          <ExecutionPanel instanceId={instanceId} onClose={() => setPanelOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}
