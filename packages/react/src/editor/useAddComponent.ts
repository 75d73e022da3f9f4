import { useReactFlow, type XYPosition } from '@xyflow/react';
import { type RefObject, useCallback } from 'react';
import { findFreePosition } from '../store/findFreePosition';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { estimateNodeLayout } from './estimateNodeLayout';

/**
 * Adds a component's node to the workflow, then selects it: centred on a point on screen (a
 * drop lands exactly under the pointer), or, without a point (a click or a key in the palette),
 * in the free spot nearest the centre of the visible canvas, so repeated adds never stack.
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
      const state = store.getState();
      const size = estimateNodeLayout(state.components[componentType]);
      let point = screenPoint;
      if (!point) {
        const rect = canvasRef.current?.getBoundingClientRect();
        point = rect
          ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
          : { x: 0, y: 0 };
      }
      const flow = screenToFlowPosition(point);
      const wanted = { x: flow.x - size.width / 2, y: flow.y - size.height / 2 };
      const position = screenPoint ? wanted : findFreePosition(state.nodes, wanted, size);
      const id = state.addNode(componentType, position);
      store.getState().select([id]);
      return id;
    },
    [canvasRef, screenToFlowPosition, store],
  );
}
