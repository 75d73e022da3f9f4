import { useContext, useSyncExternalStore } from 'react';
import { EditorStoreContext } from '../store/EditorStoreContext';
import type { EditorStore } from '../store/editorTypes';

const NOT_SUBSCRIBED = () => () => {};

/**
 * Reads the enclosing editor's store through a selector, or gives `fallback` outside an editor:
 * for parts (the execution panel) that work on their own and, inside an editor, follow it.
 *
 * @remarks Pass a module-level selector that returns a value held by the state (see
 * `editorSelectors`), and a constant `fallback`.
 */
export function useOptionalEditorStore<T>(selector: (state: EditorStore) => T, fallback: T): T {
  const store = useContext(EditorStoreContext);
  const read = () => (store ? selector(store.getState()) : fallback);
  return useSyncExternalStore(store ? store.subscribe : NOT_SUBSCRIBED, read, read);
}
