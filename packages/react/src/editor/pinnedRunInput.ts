import type { EditorState } from '../store/editorTypes';

/**
 * The test input pinned on the workflow's trigger, used by the editor's runs when no input is
 * given: the first trigger node (in canvas order) that holds `data.pinned_input`.
 */
export function pinnedRunInput(
  state: Pick<EditorState, 'nodes' | 'components'>,
): Record<string, unknown> | undefined {
  for (const node of state.nodes) {
    if (state.components[node.type ?? '']?.category !== 'triggers') continue;
    const pinned = node.data.pinned_input;
    if (pinned !== undefined && pinned !== null && typeof pinned === 'object') return pinned;
  }
  return undefined;
}
