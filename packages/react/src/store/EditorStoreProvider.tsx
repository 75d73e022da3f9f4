import { type ReactNode, useState } from 'react';
import { createEditorStore, type EditorStoreApi } from './createEditorStore';
import { EditorStoreContext } from './EditorStoreContext';
import type { EditorState } from './editorTypes';

/** Props of {@link EditorStoreProvider}. */
export interface EditorStoreProviderProps {
  /** A store made with `createEditorStore`; one is made when absent. */
  store?: EditorStoreApi;
  /** The state of the store made when `store` is absent (read once, on the first render). */
  initialState?: Partial<EditorState>;
  children?: ReactNode;
}

/**
 * Holds one editor's store for everything inside it (`useEditorStore`, `useWorkflowEditor`).
 * `<WorkflowEditor>` renders one; render your own to reach the store from outside the editor.
 *
 * @example
 * const store = createEditorStore();
 * <EditorStoreProvider store={store}><WorkflowEditor /><MySidebar /></EditorStoreProvider>
 */
export function EditorStoreProvider({ store, initialState, children }: EditorStoreProviderProps) {
  // Made once per provider, and only when no store is given.
  const [ownStore] = useState(() => store ?? createEditorStore(initialState));
  return (
    <EditorStoreContext.Provider value={store ?? ownStore}>{children}</EditorStoreContext.Provider>
  );
}
