import { useContext } from 'react';
import type { EditorStoreApi } from './createEditorStore';
import { EditorStoreContext } from './EditorStoreContext';

/**
 * The enclosing editor's store itself, for reading state in event handlers
 * (`store.getState()`) without re-rendering on changes.
 *
 * @throws outside an `<EditorStoreProvider>`.
 */
export function useEditorStoreApi(): EditorStoreApi {
  const store = useContext(EditorStoreContext);
  if (!store) {
    throw new Error(
      'useEditorStore must be used inside <EditorStoreProvider> (the <WorkflowEditor> provides one)',
    );
  }
  return store;
}
