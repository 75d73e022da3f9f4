import { useStore } from 'zustand';
import type { EditorStore } from './editorTypes';
import { useEditorStoreApi } from './useEditorStoreApi';

/**
 * Reads the enclosing editor's store through a selector; re-renders when the selected value
 * changes (by `Object.is`).
 *
 * @remarks Pass a module-level selector (see `editorSelectors`) or a stable one: a selector
 * that builds a new object or array on every call re-renders on every store change.
 * @throws outside an `<EditorStoreProvider>`.
 * @example
 * const nodes = useEditorStore(selectNodes);
 */
export function useEditorStore<T>(selector: (state: EditorStore) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
