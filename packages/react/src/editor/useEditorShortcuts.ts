import { type RefObject, useEffect, useRef } from 'react';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { isTypingTarget } from './isTypingTarget';
import { removeSelection } from './removeSelection';

/** The editor commands shortcuts run besides the store's own actions. */
export interface ShortcutCommands {
  /** Ctrl/Cmd+S. */
  onSave?: () => void;
  /** Ctrl/Cmd+Enter. */
  onExecute?: () => void;
}

/**
 * The editor's keyboard shortcuts: Delete/Backspace removes the selected nodes and edges,
 * Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y redo, Ctrl/Cmd+C/X/V copy, cut and paste,
 * Ctrl/Cmd+A selects every node, Ctrl/Cmd+D duplicates the selection, Ctrl/Cmd+S saves and
 * Ctrl/Cmd+Enter executes.
 *
 * @remarks Keys count when focus is inside the editor, or on the page body after the last click
 * landed in this editor (the canvas pane takes no focus), so two editors on one page do not both
 * react. Keys typed into inputs, textareas, selects and the expression editor are left alone.
 */
export function useEditorShortcuts(
  rootRef: RefObject<HTMLElement | null>,
  commands: ShortcutCommands = {},
): void {
  const store = useEditorStoreApi();
  const active = useRef(false);
  const latest = useRef(commands);
  latest.current = commands;

  useEffect(() => {
    const inside = (target: EventTarget | null) =>
      target instanceof Node && rootRef.current?.contains(target) === true;
    const onPointerDown = (event: Event) => {
      active.current = inside(event.target);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const onBody = event.target === document.body || event.target === document.documentElement;
      if (!inside(event.target) && !(onBody && active.current)) return;
      if (runShortcut(event)) event.preventDefault();
    };
    const runShortcut = (event: KeyboardEvent): boolean => {
      const state = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (!mod && !event.altKey && (event.key === 'Delete' || event.key === 'Backspace')) {
        return removeSelection(state);
      }
      if (!mod || event.altKey) return false;
      if (key === 'z' && event.shiftKey) state.redo();
      else if (key === 'z') state.undo();
      else if (key === 'y' && !event.shiftKey) state.redo();
      else if (event.shiftKey) return false;
      else if (key === 'c' || key === 'x') {
        // Leave text selected on the page to the browser's own copy and cut.
        if (window.getSelection()?.toString()) return false;
        if (key === 'c') state.copy();
        else state.cut();
      } else if (key === 'v') state.paste();
      else if (key === 'a') state.selectAll();
      else if (key === 'd') state.duplicate();
      else if (key === 's') latest.current.onSave?.();
      else if (event.key === 'Enter') latest.current.onExecute?.();
      else return false;
      return true;
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('mousedown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('mousedown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [rootRef, store]);
}
