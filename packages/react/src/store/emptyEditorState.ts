import type { EditorState } from './editorTypes';

/** The state of an empty, unsaved editor: what `createEditorStore()` starts from. */
export function emptyEditorState(): EditorState {
  return {
    workflowId: undefined,
    version: undefined,
    name: 'Untitled workflow',
    nodes: [],
    edges: [],
    selectedNodeIds: [],
    dirty: false,
    revision: 0,
    components: {},
    issuesByNode: {},
    runStatus: {},
    past: [],
    future: [],
    clipboard: undefined,
  };
}
