import { collectProblems } from './collectProblems';
import type { EditorStoreApi } from './createEditorStore';
import type { EditorStore } from './editorTypes';

/**
 * Recomputes `problemsByNode` and `invalidEdgeIds` whenever what they depend on changes: the
 * last save's issues, the edges, the node ids, the components or the language of its messages
 * (not on a drag or a form edit).
 */
export function keepProblemsCurrent(store: EditorStoreApi): void {
  let seen:
    | { issues: unknown; edges: unknown; components: unknown; text: unknown; ids: string[] }
    | undefined;
  const update = (state: EditorStore) => {
    const ids = state.nodes.map((node) => node.id);
    if (
      seen &&
      seen.issues === state.issuesByNode &&
      seen.edges === state.edges &&
      seen.components === state.components &&
      seen.text === state.problemText &&
      seen.ids.length === ids.length &&
      seen.ids.every((id, at) => id === ids[at])
    ) {
      return;
    }
    seen = {
      issues: state.issuesByNode,
      edges: state.edges,
      components: state.components,
      text: state.problemText,
      ids,
    };
    store.setState(collectProblems(state, state.problemsByNode));
  };
  update(store.getState());
  store.subscribe(update);
}
