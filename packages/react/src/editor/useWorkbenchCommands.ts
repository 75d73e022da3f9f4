import { type RefObject, useCallback, useMemo, useRef, useState } from 'react';
import { selectWorkflowId } from '../store/editorSelectors';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import type { CanvasMenuCommands } from './CanvasMenus';
import { pinnedRunInput } from './pinnedRunInput';
import type { RunInputDialogProps } from './RunInputDialog';
import type { EditorCommands } from './useEditorCommands';

/** What {@link useWorkbenchCommands} gives the editor's layout. */
export interface WorkbenchCommands {
  /** Runs the workflow (with the pinned test input, if any). */
  execute: () => void;
  /** Opens the "Execute with input…" dialog. */
  executeWithInput: () => void;
  /** The dialog's props while it is open. */
  runInputDialog: RunInputDialogProps | undefined;
  /** The canvas menus' commands (run up to here, auto-layout, add). */
  menuCommands: CanvasMenuCommands;
  /** Shows the problems list (deselects) and moves focus to it. */
  showProblems: () => void;
  /** The problems list's heading. */
  problemsRef: RefObject<HTMLHeadingElement | null>;
}

/**
 * The editor's workbench commands over its basic ones: execute with input (a dialog), run up to
 * a node, and the problems list's focus.
 */
export function useWorkbenchCommands(
  commands: EditorCommands,
  options: {
    onAutoLayout: () => void;
    onAddComponent: (componentType: string, screenPoint: { x: number; y: number }) => void;
  },
): WorkbenchCommands {
  const store = useEditorStoreApi();
  const workflowId = useEditorStore(selectWorkflowId);
  const problemsRef = useRef<HTMLHeadingElement | null>(null);
  const [askingInput, setAskingInput] = useState(false);
  const { execute: run, busy } = commands;
  const { onAutoLayout, onAddComponent } = options;

  const execute = useCallback(() => void run(), [run]);
  const executeWithInput = useCallback(() => setAskingInput(true), []);
  const closeDialog = useCallback(() => setAskingInput(false), []);
  const runWith = useCallback((input: Record<string, unknown>) => void run({ input }), [run]);
  const showProblems = useCallback(() => {
    store.getState().select([]);
    // The list renders once nothing is selected.
    requestAnimationFrame(() => problemsRef.current?.focus());
  }, [store]);

  const menuCommands = useMemo<CanvasMenuCommands>(
    () => ({
      onRunUpTo: (nodeId) => void run({ until: nodeId }),
      canRun: busy === undefined,
      onAutoLayout,
      onAddComponent,
    }),
    [run, busy, onAutoLayout, onAddComponent],
  );

  return {
    execute,
    executeWithInput,
    runInputDialog: askingInput
      ? {
          workflowId,
          initialInput: pinnedRunInput(store.getState()),
          onExecute: runWith,
          onClose: closeDialog,
        }
      : undefined,
    menuCommands,
    showProblems,
    problemsRef,
  };
}
