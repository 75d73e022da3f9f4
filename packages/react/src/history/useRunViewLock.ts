import { useStoreApi } from '@xyflow/react';
import { type RefObject, useEffect, useSyncExternalStore } from 'react';
import { isTypingTarget } from '../editor/isTypingTarget';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { editorRunViewOf } from './editorRunView';

/** The editor's parts that edit, save or run the workflow: inert while locked. */
const EDITING_PARTS = '.flowloom-toolbar, .flowloom-palette, .flowloom-side-panel';

/** Keys that edit, save or run the workflow (with Ctrl or Cmd unless said otherwise). */
const EDIT_KEYS = new Set(['z', 'y', 'x', 'v', 'd', 's', 'enter']);

/**
 * Locks the editor while the execution panel shows a run of an older version on its canvas:
 * nodes can be selected (to inspect their data) but not moved or connected, and the editing
 * shortcuts do nothing; the toolbar, palette and side panel are inert. Returns that version;
 * `undefined` while the editor's own workflow is shown.
 *
 * @remarks Call it inside `<ReactFlowProvider>` and the editor's store provider.
 */
export function useRunViewLock(rootRef: RefObject<HTMLElement | null>): number | undefined {
  const store = useEditorStoreApi();
  const flow = useStoreApi();
  const view = editorRunViewOf(store);
  const { readOnlyVersion } = useSyncExternalStore(
    view.subscribe,
    view.getSnapshot,
    view.getSnapshot,
  );
  const locked = readOnlyVersion !== undefined;

  useEffect(() => {
    if (!locked) return;
    const { nodesDraggable, nodesConnectable, edgesReconnectable } = flow.getState();
    flow.setState({ nodesDraggable: false, nodesConnectable: false, edgesReconnectable: false });
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      const inside =
        target instanceof Node &&
        (rootRef.current?.contains(target) === true ||
          target === document.body ||
          target === document.documentElement);
      if (!inside || isTypingTarget(target)) return;
      const key = event.key.toLowerCase();
      const mod = event.ctrlKey || event.metaKey;
      if (key === 'delete' || key === 'backspace' || (mod && EDIT_KEYS.has(key))) {
        // The editor's own shortcuts skip an event already handled.
        event.preventDefault();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    // Seen but not usable: no palette drag, no parameter edit, no Save or Execute of the old
    // version (the panel's "Back to the latest run" ends the view).
    const parts = [...(rootRef.current?.querySelectorAll<HTMLElement>(EDITING_PARTS) ?? [])];
    for (const part of parts) part.toggleAttribute('inert', true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      for (const part of parts) part.toggleAttribute('inert', false);
      flow.setState({ nodesDraggable, nodesConnectable, edgesReconnectable });
    };
  }, [locked, flow, rootRef]);

  return readOnlyVersion;
}
