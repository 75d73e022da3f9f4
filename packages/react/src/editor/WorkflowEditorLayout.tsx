import { type ColorMode, useReactFlow } from '@xyflow/react';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { ExecutionDock } from '../execution/ExecutionDock';
import { useRunViewLock } from '../history/useRunViewLock';
import { enCore } from '../i18n/enCore';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { selectDirty, selectWorkflowId } from '../store/editorSelectors';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { lazyWorkbenchPart } from '../workbench/lazyWorkbenchPart';
import { AnnounceContext } from './AnnounceContext';
import { CanvasLoading } from './CanvasLoading';
import { lazyCanvasPart, loadCanvasParts } from './lazyCanvasPart';
import { Palette } from './Palette';
import { SidePanel } from './SidePanel';
import { Toolbar } from './Toolbar';
import { useAddComponent } from './useAddComponent';
import { useAnnouncer } from './useAnnouncer';
import { useBeforeUnloadPrompt } from './useBeforeUnloadPrompt';
import { type EditorCommandOptions, useEditorCommands } from './useEditorCommands';
import { useEditorComponents } from './useEditorComponents';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useWorkbenchCommands } from './useWorkbenchCommands';
import { WorkflowCanvas } from './WorkflowCanvas';

const RunInputDialog = lazyCanvasPart('RunInputDialog');
const VersionConflictNotice = lazyCanvasPart('VersionConflictNotice');
const RunFollower = lazyWorkbenchPart('RunFollower');

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

/** Whether nothing on the page holds focus (it fell to `<body>`, e.g. with a removed button). */
function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement;
}

/**
 * The editor's screen inside its providers: toolbar, a save's version conflict, palette, canvas,
 * side panel and, once a run starts, the execution panel; plus the shortcuts, the
 * unsaved-changes prompt, the load of `workflowId`, the live run status (<RunFollower>, loaded
 * with the run workbench), a live region that
 * tells screen readers what keyboard actions did, and where focus goes: to the execution panel
 * after Execute, back to the button that opened the panel when it closes (the dock does that),
 * and to the canvas once a workflow has opened.
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
  const { locale } = useI18n();
  const paletteWords = useMessages('palette', enCore.palette);
  const commandsWords = useMessages('commands', enCore.commands);
  const { message: announcement, announce } = useAnnouncer();
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
  const { components, notice, ready } = useEditorComponents();
  // Each run started here moves focus to the panel that follows it.
  const [panelFocus, setPanelFocus] = useState(0);
  const executed = useCallback(
    (id: string) => {
      setPanelFocus((count) => count + 1);
      onExecuted?.(id);
    },
    [onExecuted],
  );
  const commands = useEditorCommands({ onSaved, onExecuted: executed, maxImportBytes });
  const { load, report, instanceId } = commands;
  const addComponent = useAddComponent(canvasRef);
  const dirty = useEditorStore(selectDirty);
  const [panelOpen, setPanelOpen] = useState(false);
  const savedWorkflowId = useEditorStore(selectWorkflowId);

  useEditorShortcuts(rootRef, { onSave: commands.save, onExecute: commands.execute });
  useBeforeUnloadPrompt(dirty);
  // The execution panel's pieces: an older version shown read-only (the run itself is followed
  // by <RunFollower>), and the graph re-fitted above the panel as it opens or resizes.
  useRunViewLock(rootRef);
  const refitAfterLayout = useCallback(() => {
    // Two frames: the canvas measures its new size (a ResizeObserver) before fitting to it.
    requestAnimationFrame(() => requestAnimationFrame(fitView));
  }, [fitView]);
  const panelWasOpen = useRef(panelOpen);
  useEffect(() => {
    if (panelWasOpen.current === panelOpen) return;
    panelWasOpen.current = panelOpen;
    refitAfterLayout();
  }, [panelOpen, refitAfterLayout]);

  const focusCanvas = useCallback(() => {
    canvasRef.current?.querySelector<HTMLElement>('.react-flow')?.focus();
  }, []);
  // The load that last ended; fitted and focused once, when its nodes are drawn.
  const [opened, setOpened] = useState<{ workflowId: string } | undefined>(undefined);
  const fittedRef = useRef<object | undefined>(undefined);
  useEffect(() => {
    if (workflowId === undefined) return;
    let current = true;
    void load(workflowId).then(() => {
      if (current) setOpened({ workflowId });
    });
    return () => {
      current = false;
    };
  }, [workflowId, load]);
  useEffect(() => {
    if (!opened || !ready || fittedRef.current === opened) return;
    fittedRef.current = opened;
    fitView();
    // Opened from a list whose button is gone: the canvas, not <body>, has focus now.
    if (focusIsLost()) focusCanvas();
  }, [opened, ready, fitView, focusCanvas]);

  useEffect(() => {
    if (instanceId !== undefined) setPanelOpen(true);
  }, [instanceId]);

  const onDragStart = useCallback((componentType: string) => {
    draggedTypeRef.current = componentType;
  }, []);
  const onAdd = useCallback(
    (componentType: string) => {
      addComponent(componentType);
      const name = store.getState().components[componentType]?.name ?? componentType;
      announce(paletteWords.added(name));
    },
    [addComponent, store, announce, paletteWords],
  );
  const onDropComponent = useCallback(
    (componentType: string, point: { x: number; y: number }) =>
      void addComponent(componentType, point),
    [addComponent],
  );
  const onAutoLayout = useCallback(async () => {
    const { nodes, edges } = store.getState();
    try {
      const { components: metadata } = store.getState();
      const { autoLayout } = await loadCanvasParts();
      store.getState().setPositions(await autoLayout(nodes, edges, { components: metadata }));
      fitView();
    } catch (error) {
      report({
        kind: 'error',
        text: commandsWords.autoLayoutFailed(
          error instanceof Error ? error.message : String(error),
        ),
      });
    }
  }, [store, fitView, report, commandsWords]);
  const workbench = useWorkbenchCommands(commands, {
    onAutoLayout,
    onAddComponent: onDropComponent,
  });

  return (
    <AnnounceContext.Provider value={announce}>
      <div
        ref={rootRef}
        className={
          className ? `flowloom-root flowloom-editor ${className}` : 'flowloom-root flowloom-editor'
        }
        data-color-mode={colorMode}
        lang={locale}
      >
        <Toolbar
          feedback={commands.feedback}
          busy={commands.busy}
          onSave={commands.save}
          onExecute={workbench.execute}
          onExecuteWithInput={workbench.executeWithInput}
          onShowProblems={workbench.showProblems}
          onDismissFeedback={() => report(undefined)}
          onExport={commands.exportFile}
          onImport={commands.importFile}
          onAutoLayout={onAutoLayout}
          onFitView={fitView}
          onBack={onBack}
        />
        {commands.conflict ? (
          <Suspense fallback={null}>
            <VersionConflictNotice
              conflict={commands.conflict}
              busy={commands.busy !== undefined}
              onReload={commands.reload}
              onOverwrite={commands.overwrite}
            />
          </Suspense>
        ) : null}
        <div className="flowloom-editor__main">
          <Palette
            components={components}
            onAdd={onAdd}
            onDragStart={onDragStart}
            notice={notice}
          />
          <div className="flowloom-editor__canvas-area">
            {/* Nodes drawn before the component list is known would show as unknown, without
                the handles their edges leave from. */}
            {ready ? (
              <WorkflowCanvas
                canvasRef={canvasRef}
                draggedTypeRef={draggedTypeRef}
                onDropComponent={onDropComponent}
                onAdd={onAdd}
                menuCommands={workbench.menuCommands}
                colorMode={colorMode}
              />
            ) : (
              <CanvasLoading />
            )}
          </div>
          <SidePanel ref={workbench.problemsRef} />
        </div>
        <ExecutionDock
          instanceId={instanceId}
          open={panelOpen}
          onOpenChange={setPanelOpen}
          available={instanceId !== undefined || savedWorkflowId !== undefined}
          onLayoutChange={refitAfterLayout}
          focusRequest={panelFocus}
          onFocusFallback={focusCanvas}
        />
        {instanceId !== undefined ? (
          <Suspense fallback={null}>
            <RunFollower
              instanceId={instanceId}
              notice={commands.feedback}
              onRunEnd={() => report(undefined)}
            />
          </Suspense>
        ) : null}
        {workbench.runInputDialog ? (
          <Suspense fallback={null}>
            <RunInputDialog {...workbench.runInputDialog} />
          </Suspense>
        ) : null}
        <p className="flowloom-visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
      </div>
    </AnnounceContext.Provider>
  );
}
