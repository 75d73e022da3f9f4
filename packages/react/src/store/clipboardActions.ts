import type { XYPosition } from '@xyflow/react';
import { copySelection } from './copySelection';
import type { EditorStoreKit } from './editorStoreKit';
import type { EditorActions } from './editorTypes';
import { freeOffset } from './findFreePosition';
import { pasteClipboard } from './pasteClipboard';
import { withSelection } from './withSelection';

/**
 * How far a paste lands from the copied nodes at least (and each further paste from the last):
 * it goes to the free spot nearest that, so it never covers a node.
 */
const PASTE_OFFSET: XYPosition = { x: 40, y: 40 };

/** The editor store's copy and paste (cut and duplicate are workbench actions). */
export function clipboardActions({
  get,
  set,
  commit,
}: EditorStoreKit): Pick<EditorActions, 'copy' | 'paste'> {
  return {
    copy() {
      const state = get();
      if (state.selectedNodeIds.length === 0) return;
      set({ clipboard: copySelection(state) });
    },

    paste(given) {
      const state = get();
      const clipboard = state.clipboard;
      if (!clipboard || clipboard.nodes.length === 0) return;
      const offset = given ?? freeOffset(state.nodes, clipboard.nodes, PASTE_OFFSET);
      const pasted = pasteClipboard(state, clipboard, offset);
      commit({
        nodes: [...withSelection(state.nodes, new Set()), ...pasted.nodes],
        edges: [...state.edges, ...pasted.edges],
        selectedNodeIds: pasted.nodes.map((node) => node.id),
        // The next paste lands one offset further instead of on top of this one.
        clipboard: {
          nodes: clipboard.nodes.map((node) => ({
            ...node,
            position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
          })),
          edges: clipboard.edges,
        },
      });
    },
  };
}
