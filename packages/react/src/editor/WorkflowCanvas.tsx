import {
  Background,
  type ColorMode,
  Controls,
  MiniMap,
  ReactFlow,
  type XYPosition,
} from '@xyflow/react';
import { type DragEvent, memo, type RefObject, useCallback } from 'react';
import { selectEdges, selectNodes } from '../store/editorSelectors';
import type { EditorEdge, EditorNode, EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { COMPONENT_DRAG_TYPE } from './componentDragType';
import { accentOf } from './gradientOf';
import { nodeTypes } from './nodeTypes';
import { useConnectionHandlers } from './useConnectionHandlers';
import { useTransientMessage } from './useTransientMessage';

/** Props of {@link WorkflowCanvas}. */
export interface WorkflowCanvasProps {
  /** The canvas wrapper (drop target and centre for added nodes). */
  canvasRef: RefObject<HTMLDivElement | null>;
  /** The type of the palette entry being dragged, for drops that carry no `dataTransfer`. */
  draggedTypeRef: RefObject<string | null>;
  /** Adds a dropped component at the drop point. */
  onDropComponent: (componentType: string, screenPoint: XYPosition) => void;
  /** @default 'light' */
  colorMode?: ColorMode;
}

const selectOnNodesChange = (state: EditorStore) => state.onNodesChange;
const selectOnEdgesChange = (state: EditorStore) => state.onEdgesChange;
const MINIMAP_LIMIT = 1000;

const selectComponentsForMiniMap = (state: EditorStore) => state.components;

/**
 * The workflow canvas on @xyflow/react: nodes drawn by `WorkflowNode`, connections checked as
 * they are drawn (a refusal is shown briefly), components dropped from the palette, background
 * grid, zoom controls and a minimap.
 *
 * @remarks Render inside `<ReactFlowProvider>` and an editor store provider; keyboard shortcuts
 * (delete, undo, copy) are the editor's, not the canvas's.
 */
export const WorkflowCanvas = memo(function WorkflowCanvas({
  canvasRef,
  draggedTypeRef,
  onDropComponent,
  colorMode = 'light',
}: WorkflowCanvasProps) {
  const nodes = useEditorStore(selectNodes);
  const edges = useEditorStore(selectEdges);
  const onNodesChange = useEditorStore(selectOnNodesChange);
  const onEdgesChange = useEditorStore(selectOnEdgesChange);
  const components = useEditorStore(selectComponentsForMiniMap);
  const [message, showMessage] = useTransientMessage();

  const connectionHandlers = useConnectionHandlers(showMessage);

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

  const nodeColor = useCallback(
    (node: EditorNode) => accentOf(components[node.type ?? '']?.color),
    [components],
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only a drop target for palette drags; keyboard users add components from the palette itself.
    <div
      ref={canvasRef}
      className="flowloom-canvas"
      data-testid="workflow-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<EditorNode, EditorEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        {...connectionHandlers}
        colorMode={colorMode}
        // The editor handles Delete/Backspace itself, so the keys act only in this editor.
        deleteKeyCode={null}
        onlyRenderVisibleElements={nodes.length > 200}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.1}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        {/* The minimap draws every node on each viewport change: left out for very large graphs. */}
        {nodes.length <= MINIMAP_LIMIT ? (
          <MiniMap<EditorNode>
            nodeColor={nodeColor}
            pannable
            zoomable
            ariaLabel="Workflow minimap"
          />
        ) : null}
      </ReactFlow>
      {message ? (
        <div
          className="flowloom-message flowloom-message--warning flowloom-canvas__message"
          role="status"
        >
          {message}
        </div>
      ) : null}
    </div>
  );
});
