import type { EdgeChange, NodeChange } from '@xyflow/react';
import { type RefObject, useEffect, useRef } from 'react';
import type { EditorEdge, EditorNode } from '../store/editorTypes';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { isTypingTarget } from './isTypingTarget';

/**
 * The editor's keyboard shortcuts: Delete/Backspace removes the selected nodes and edges,
 * Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y redo, Ctrl/Cmd+C/V copy and paste.
 *
 * @remarks Keys count when focus is inside the editor, or on the page body after the last click
 * landed in this editor (the canvas pane takes no focus), so two editors on one page do not both
 * react. Keys typed into inputs, textareas and selects are left alone.
 */
export function useEditorShortcuts(rootRef: RefObject<HTMLElement | null>): void {
  const store = useEditorStoreApi();
  const active = useRef(false);

  useEffect(() => {
    const inside = (target: EventTarget | null) =>
      target instanceof Node && rootRef.current?.contains(target) === true;
    const onPointerDown = (event: Event) => {
      active.current = inside(event.target);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const onBody = event.target === document.body || event.target === document.documentElement;
      if (!inside(event.target) && !(onBody && active.current)) return;
      if (runShortcut(event)) event.preventDefault();
    };
    const runShortcut = (event: KeyboardEvent): boolean => {
      const state = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (!mod && !event.altKey && (event.key === 'Delete' || event.key === 'Backspace')) {
        const edgeRemovals: EdgeChange<EditorEdge>[] = state.edges
          .filter((edge) => edge.selected)
          .map((edge) => ({ type: 'remove', id: edge.id }));
        const nodeRemovals: NodeChange<EditorNode>[] = state.nodes
          .filter((node) => node.selected || state.selectedNodeIds.includes(node.id))
          .filter((node) => node.deletable !== false)
          .map((node) => ({ type: 'remove', id: node.id }));
        if (edgeRemovals.length === 0 && nodeRemovals.length === 0) return false;
        // Edges first, then nodes, in one task: the store makes them one undo step.
        if (edgeRemovals.length > 0) state.onEdgesChange(edgeRemovals);
        if (nodeRemovals.length > 0) state.onNodesChange(nodeRemovals);
        return true;
      }
      if (!mod || event.altKey) return false;
      if (key === 'z' && event.shiftKey) state.redo();
      else if (key === 'z') state.undo();
      else if (key === 'y' && !event.shiftKey) state.redo();
      else if (key === 'c' && !event.shiftKey) {
        // Leave text selected on the page to the browser's own copy.
        if (window.getSelection()?.toString()) return false;
        state.copy();
      } else if (key === 'v' && !event.shiftKey) state.paste();
      else return false;
      return true;
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('mousedown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('mousedown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [rootRef, store]);
}
