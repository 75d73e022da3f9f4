/** A message the editor's toolbar shows after an action. */
export interface EditorFeedback {
  kind: 'success' | 'error' | 'warning' | 'info';
  text: string;
  /** Further lines, e.g. the problems a validation found. */
  details?: string[];
}
