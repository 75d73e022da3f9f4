import { useReactFlow, type XYPosition } from '@xyflow/react';
import { type RefObject, useCallback } from 'react';
import { useEditorStoreApi } from '../store/useEditorStoreApi';

// Half a node's usual size: a new node is centred where it is dropped or on the view's centre.
const HALF_NODE = { x: 100, y: 40 };
// How far a new node moves when another already sits exactly where it would go.
const CASCADE = 24;

/**
 * Adds a component's node to the workflow, at a point on screen (a drop) or at the centre of
 * the visible canvas (a click or a key in the palette), then selects it.
 *
 * @remarks Must be called inside @xyflow/react's `<ReactFlowProvider>`.
 */
export function useAddComponent(
  canvasRef: RefObject<HTMLElement | null>,
): (componentType: string, screenPoint?: XYPosition) => string {
  const store = useEditorStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (componentType, screenPoint) => {
      let point = screenPoint;
      if (!point) {
        const rect = canvasRef.current?.getBoundingClientRect();
        point = rect
          ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
          : { x: 0, y: 0 };
      }
      const flow = screenToFlowPosition(point);
      const position = { x: flow.x - HALF_NODE.x, y: flow.y - HALF_NODE.y };
      const { nodes } = store.getState();
      while (nodes.some((n) => n.position.x === position.x && n.position.y === position.y)) {
        position.x += CASCADE;
        position.y += CASCADE;
      }
      const state = store.getState();
      const id = state.addNode(componentType, position);
      state.select([id]);
      return id;
    },
    [canvasRef, screenToFlowPosition, store],
  );
}
