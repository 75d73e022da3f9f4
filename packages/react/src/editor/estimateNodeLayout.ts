import {
  type ComponentHandle,
  DEFAULT_INPUT_HANDLE,
  DEFAULT_OUTPUT_HANDLE,
  type WorkflowComponentMetadata,
} from '@flowloom/core';
import { type NodeHandle, Position } from '@xyflow/react';

/** Sizes from the default theme (`--flowloom-node-*` in styles.css), in pixels. */
const NODE_WIDTH = 200;
const HEADER_HEIGHT = 36;
const ROW_HEIGHT = 22;
const HANDLE_SIZE = 10;
const BORDER = 1;

const POSITIONS: Record<ComponentHandle['position'], Position> = {
  left: Position.Left,
  right: Position.Right,
  top: Position.Top,
  bottom: Position.Bottom,
};

/** A node's size and handle positions before @xyflow/react has measured it. */
export interface NodeLayoutEstimate {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/** The handles a node of the component draws: its metadata's, else one input and one output. */
export function handlesOf(component: WorkflowComponentMetadata | undefined): ComponentHandle[] {
  return component
    ? [...component.input_handles, ...component.output_handles]
    : [DEFAULT_INPUT_HANDLE, DEFAULT_OUTPUT_HANDLE];
}

/** The rows a node's body holds: enough for the busiest side's labels, and those above and below. */
export function rowsOf(handles: readonly ComponentHandle[]): number {
  const count = (side: ComponentHandle['position']) =>
    handles.filter((handle) => handle.position === side).length;
  return (
    Math.max(count('left'), count('right'), 1) +
    (count('top') > 0 ? 1 : 0) +
    (count('bottom') > 0 ? 1 : 0)
  );
}

/**
 * Where a node of the component will be drawn, from its metadata, in the default theme: its
 * size and its handles' boxes, as `WorkflowNode` and `NodeHandles` lay them out. @xyflow/react
 * uses them to cull nodes outside the view and to anchor edges before it measures a node, so a
 * large workflow renders only what is on screen; the measured values replace them.
 */
export function estimateNodeLayout(
  component: WorkflowComponentMetadata | undefined,
): NodeLayoutEstimate {
  const handles = handlesOf(component);
  const height = HEADER_HEIGHT + ROW_HEIGHT * (rowsOf(handles) + 1);
  const half = HANDLE_SIZE / 2;
  const bySide = new Map<string, ComponentHandle[]>();
  for (const handle of handles)
    bySide.set(handle.position, [...(bySide.get(handle.position) ?? []), handle]);
  const estimated: NodeHandle[] = [];
  for (const side of bySide.values()) {
    side.forEach((handle, index) => {
      const fraction = (index + 1) / (side.length + 1);
      // Offsets are taken inside the node's border, as CSS positions the handles.
      const along =
        BORDER + HEADER_HEIGHT + (height - 2 * BORDER - HEADER_HEIGHT) * fraction - half;
      const across = BORDER + (NODE_WIDTH - 2 * BORDER) * fraction - half;
      const place: Record<ComponentHandle['position'], { x: number; y: number }> = {
        left: { x: -half + BORDER, y: along },
        right: { x: NODE_WIDTH - half - BORDER, y: along },
        top: { x: across, y: -half + BORDER },
        bottom: { x: across, y: height - half - BORDER },
      };
      estimated.push({
        id: handle.id,
        type: handle.type,
        position: POSITIONS[handle.position],
        ...place[handle.position],
        width: HANDLE_SIZE,
        height: HANDLE_SIZE,
      });
    });
  }
  return { width: NODE_WIDTH, height, handles: estimated };
}
