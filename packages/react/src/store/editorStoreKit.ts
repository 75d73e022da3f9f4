import type { EditorState } from './editorTypes';
import type { StoreKit } from './workbenchActions';

/** What the editor store's action groups get from the store that holds them. */
export interface EditorStoreKit extends StoreKit {
  /**
   * Applies an edit as one undo step; consecutive edits with the same `key` (one form field's
   * typing) join one step.
   */
  commit: (change: Partial<EditorState>, key?: string) => void;
}
