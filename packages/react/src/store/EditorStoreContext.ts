import { createContext } from 'react';
import type { EditorStoreApi } from './createEditorStore';

/** The editor store of the enclosing `<EditorStoreProvider>`, or null outside one. */
export const EditorStoreContext = createContext<EditorStoreApi | null>(null);
