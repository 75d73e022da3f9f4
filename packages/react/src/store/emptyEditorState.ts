import { enCore } from '../i18n/enCore';
import type { EditorState } from './editorTypes';

/** The state of an empty, unsaved editor: what `createEditorStore()` starts from. */
export function emptyEditorState(): EditorState {
  return {
    workflowId: undefined,
    version: undefined,
    name: enCore.toolbar.untitled,
    nodes: [],
    edges: [],
    selectedNodeIds: [],
    dirty: false,
    revision: 0,
    components: {},
    issuesByNode: {},
    problemsByNode: {},
    invalidEdgeIds: new Set(),
    problemText: enCore.problems,
    runStatus: {},
    runData: undefined,
    focusRequest: undefined,
    past: [],
    future: [],
    clipboard: undefined,
  };
}
