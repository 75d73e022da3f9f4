import {
  type AriaLabelConfig,
  Background,
  type ColorMode,
  Controls,
  MiniMap,
  ReactFlow,
  type XYPosition,
} from '@xyflow/react';
import {
  type DragEvent,
  type KeyboardEvent,
  memo,
  type MouseEvent as ReactMouseEvent,
  type RefObject,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import {
  selectComponents,
  selectEdges,
  selectInvalidEdgeIds,
  selectNodes,
  selectRunStatus,
} from '../store/editorSelectors';
import type { ConnectFrom, EditorEdge, EditorNode, EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import type { CanvasMenuCommands } from './CanvasMenus';
import type { CanvasMenu } from './canvasMenu';
import { COMPONENT_DRAG_TYPE } from './componentDragType';
import { createAccessibleNamer } from './createAccessibleNamer';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import { accentOf } from './gradientOf';
import { lazyCanvasPart, prefetchCanvasParts } from './lazyCanvasPart';
import { nodeNames } from './nodeNames';
import { nodeTypes } from './nodeTypes';
import { useConnectionHandlers } from './useConnectionHandlers';
import { useTransientMessage } from './useTransientMessage';
import { createLayoutEstimator } from './withLayoutEstimates';
import { withProblemMarks } from './withProblemMarks';

/** Props of {@link WorkflowCanvas}. */
export interface WorkflowCanvasProps {
  /** The canvas wrapper (drop target and centre for added nodes). */
  canvasRef: RefObject<HTMLDivElement | null>;
  /** The type of the palette entry being dragged, for drops that carry no `dataTransfer`. */
  draggedTypeRef: RefObject<string | null>;
  /** Adds a dropped component at the drop point. */
  onDropComponent: (componentType: string, screenPoint: XYPosition) => void;
  /** Adds a component in a free spot near the centre (the empty canvas's one-click starts). */
  onAdd?: (componentType: string) => void;
  /** What the context menus run; without them the canvas has no context menus. */
  menuCommands?: CanvasMenuCommands;
  /** @default 'light' */
  colorMode?: ColorMode;
}

const CanvasMenus = lazyCanvasPart('CanvasMenus');

const selectOnNodesChange = (state: EditorStore) => state.onNodesChange;
const selectOnEdgesChange = (state: EditorStore) => state.onEdgesChange;
const MINIMAP_LIMIT = 1000;

/** The handle a key was pressed on, as the connection list takes it. */
function focusedHandle(target: Element | null): ConnectFrom | undefined {
  const handle = target?.closest<HTMLElement>('.react-flow__handle');
  const nodeId = handle?.dataset.nodeid;
  if (!handle || !nodeId) return undefined;
  return {
    nodeId,
    handleId: handle.dataset.handleid ?? null,
    handleType: handle.classList.contains('source') ? 'source' : 'target',
  };
}
/** Past this many nodes only those in view are rendered. */
const CULL_LIMIT = 200;

/**
 * The workflow canvas on @xyflow/react: nodes drawn by `WorkflowNode`, connections checked as
 * they are drawn (a refusal is shown briefly), components dropped from the palette, context
 * menus on nodes and the pane (also Shift+F10 or the Menu key), a component picker where a
 * connection is dropped on the pane, problems marked on nodes and edges, a hint on an empty
 * canvas, background grid, zoom controls and a minimap. By keyboard: nodes and handles take
 * focus and have names; Enter on a handle (or "Connect to…" in a node's menu) lists the steps it
 * can connect to.
 *
 * @remarks Render inside `<ReactFlowProvider>` and an editor store provider; keyboard shortcuts
 * (delete, undo, copy) are the editor's, not the canvas's. The view is fitted on mount only
 * when there are nodes then: a node dropped on an empty canvas stays under the pointer.
 */
export const WorkflowCanvas = memo(function WorkflowCanvas({
  canvasRef,
  draggedTypeRef,
  onDropComponent,
  onAdd,
  menuCommands,
  colorMode = 'light',
}: WorkflowCanvasProps) {
  const store = useEditorStoreApi();
  const text = useMessages('canvas', enCore.canvas);
  const nodeWords = useMessages('node', enCore.node);
  const statusWords = useMessages('status', enCore.status);
  const nodes = useEditorStore(selectNodes);
  const edges = useEditorStore(selectEdges);
  const invalidEdgeIds = useEditorStore(selectInvalidEdgeIds);
  const onNodesChange = useEditorStore(selectOnNodesChange);
  const onEdgesChange = useEditorStore(selectOnEdgesChange);
  const components = useEditorStore(selectComponents);
  const runStatus = useEditorStore(selectRunStatus);
  const [message, showMessage] = useTransientMessage();
  const [menu, setMenu] = useState<CanvasMenu | undefined>(undefined);
  // Read once: fitting the first node added to an empty canvas would move it off the pointer.
  const [fitOnMount] = useState(() => store.getState().nodes.length > 0);

  useEffect(() => (menuCommands ? prefetchCanvasParts() : undefined), [menuCommands]);

  const estimate = useMemo(() => createLayoutEstimator(components), [components]);
  const namer = useMemo(() => createAccessibleNamer(), []);
  const names = useMemo(() => nodeNames(nodes, components), [nodes, components]);
  const shownNodes = useMemo(
    () =>
      namer.nodes(estimate(nodes), (node) => {
        const name = names.get(node.id) ?? node.id;
        const component = components[node.type ?? '']?.name;
        const labelled = Boolean(node.data.label?.trim()) && component !== undefined;
        const status = runStatus[node.id];
        return {
          label: nodeWords.label(
            name,
            labelled && component !== name ? component : undefined,
            status === undefined ? undefined : statusWords[status],
          ),
          role: text.nodeRole,
        };
      }),
    [namer, estimate, nodes, names, components, runStatus, nodeWords, statusWords, text],
  );
  const markEdges = useMemo(() => withProblemMarks(), []);
  const shownEdges = useMemo(
    () =>
      namer.edges(markEdges(edges, invalidEdgeIds), (edge) => {
        const source = names.get(edge.source) ?? edge.source;
        const target = names.get(edge.target) ?? edge.target;
        return {
          label: invalidEdgeIds.has(edge.id)
            ? text.invalidEdge(source, target)
            : text.edge(source, target),
          role: text.edgeRole,
        };
      }),
    [namer, markEdges, edges, invalidEdgeIds, names, text],
  );
  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'node.a11yDescription.default': text.nodeDescription,
      'node.a11yDescription.keyboardDisabled': text.nodeDescription,
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
        text.moved(text.directions[direction] ?? direction, x, y),
      'edge.a11yDescription.default': text.edgeDescription,
      'controls.ariaLabel': text.controls,
      'controls.zoomIn.ariaLabel': text.zoomIn,
      'controls.zoomOut.ariaLabel': text.zoomOut,
      'controls.fitView.ariaLabel': text.fitView,
      'controls.interactive.ariaLabel': text.interactive,
      'minimap.ariaLabel': text.minimap,
      'handle.ariaLabel': text.handle,
    }),
    [text],
  );

  const onDroppedOnPane = useCallback(
    (from: ConnectFrom, at: { x: number; y: number }) => {
      if (menuCommands) setMenu({ kind: 'picker', at, from });
    },
    [menuCommands],
  );
  const connectionHandlers = useConnectionHandlers(showMessage, onDroppedOnPane, text.refusals);

  const onDragOver = useCallback((event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent<HTMLDivElement>) => {
      event.preventDefault();
      const type = event.dataTransfer?.getData(COMPONENT_DRAG_TYPE) || draggedTypeRef.current;
      draggedTypeRef.current = null;
      if (!type) return;
      onDropComponent(type, { x: event.clientX ?? 0, y: event.clientY ?? 0 });
    },
    [draggedTypeRef, onDropComponent],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: EditorNode) => {
      if (!menuCommands) return;
      event.preventDefault();
      if (!store.getState().selectedNodeIds.includes(node.id)) store.getState().select([node.id]);
      setMenu({ kind: 'node', nodeId: node.id, at: { x: event.clientX, y: event.clientY } });
    },
    [menuCommands, store],
  );
  const onPaneContextMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent) => {
      if (!menuCommands) return;
      event.preventDefault();
      setMenu({ kind: 'pane', at: { x: event.clientX, y: event.clientY } });
    },
    [menuCommands],
  );
  // The keyboard's way in: Shift+F10 or the Menu key, on a focused node or anywhere else; Enter
  // or Space on a focused handle lists the steps to connect it to.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (!menuCommands) return;
      const target = event.target instanceof Element ? event.target : null;
      const handle = event.key === 'Enter' || event.key === ' ' ? focusedHandle(target) : undefined;
      if (handle) {
        event.preventDefault();
        const box = target?.getBoundingClientRect();
        setMenu({
          kind: 'connect',
          from: handle,
          at: box ? { x: box.right + 8, y: box.top } : { x: 0, y: 0 },
        });
        return;
      }
      if (!(event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) return;
      const nodeElement = target?.closest<HTMLElement>('.react-flow__node');
      const nodeId = nodeElement?.dataset.id;
      event.preventDefault();
      if (nodeElement && nodeId) {
        const box = nodeElement.getBoundingClientRect();
        if (!store.getState().selectedNodeIds.includes(nodeId)) store.getState().select([nodeId]);
        setMenu({ kind: 'node', nodeId, at: { x: box.left + 16, y: box.top + 16 } });
        return;
      }
      const box = canvasRef.current?.getBoundingClientRect();
      const at = box
        ? { x: box.left + box.width / 2, y: box.top + box.height / 2 }
        : { x: 0, y: 0 };
      setMenu({ kind: 'pane', at });
    },
    [menuCommands, store, canvasRef],
  );

  const nodeColor = useCallback(
    (node: EditorNode) => accentOf(components[node.type ?? '']?.color),
    [components],
  );
  const componentList = useMemo(() => Object.values(components), [components]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for palette drags and the keys that open the context menus of what has focus inside it.
    <div
      ref={canvasRef}
      className="flowloom-canvas"
      data-testid="workflow-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onKeyDown={onKeyDown}
    >
      <ReactFlow<EditorNode, EditorEdge>
        nodes={shownNodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeContextMenu={onNodeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        {...connectionHandlers}
        colorMode={colorMode}
        // The editor handles Delete/Backspace itself, so the keys act only in this editor.
        deleteKeyCode={null}
        onlyRenderVisibleElements={nodes.length > CULL_LIMIT}
        fitView={fitOnMount}
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.1}
        aria-label={text.region}
        ariaLabelConfig={ariaLabelConfig}
        // Focusable, so focus can land on the canvas (a workflow just opened).
        tabIndex={-1}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        {/* The minimap draws every node on each viewport change: left out for very large graphs. */}
        {nodes.length <= MINIMAP_LIMIT ? (
          <MiniMap<EditorNode> nodeColor={nodeColor} pannable zoomable ariaLabel={text.minimap} />
        ) : null}
      </ReactFlow>
      {nodes.length === 0 && onAdd ? (
        <EmptyCanvasHint components={componentList} onStart={onAdd} />
      ) : null}
      {message ? (
        <div
          className="flowloom-message flowloom-message--warning flowloom-canvas__message"
          role="status"
        >
          {message}
        </div>
      ) : null}
      {menuCommands && menu ? (
        <Suspense fallback={null}>
          <CanvasMenus menu={menu} onMenu={setMenu} {...menuCommands} />
        </Suspense>
      ) : null}
    </div>
  );
});
