import { type ChangeEvent, memo, useId, useRef } from 'react';
import {
  selectCanRedo,
  selectCanUndo,
  selectDirty,
  selectName,
  selectSelectedNodeIds,
  selectWorkflowId,
} from '../store/editorSelectors';
import type { EditorStore } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import type { EditorFeedback } from './editorFeedback';
import { FeedbackMessage } from './FeedbackMessage';
import type { EditorBusy } from './useEditorCommands';

/** The toolbar's words for Export and Import, in one place for a later catalogue. */
const TEXT = {
  exportLabel: 'Export',
  exportHint: 'Download the saved workflow as a .flowloom.json file',
  exportNeedsSave: 'Save the workflow to export it',
  importLabel: 'Import',
  importHint: 'Open a .flowloom.json file as a new workflow',
  importFileLabel: 'Workflow file to import',
  importQuestion: 'You have unsaved changes. Import another workflow without saving them?',
} as const;

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  /** What the last command said. */
  feedback: EditorFeedback | undefined;
  /** The command under way, which disables Save, Execute, Export and Import. */
  busy?: EditorBusy | undefined;
  onSave: () => void;
  onExecute: () => void;
  /** Shows Export (enabled once the workflow is saved), which calls it. */
  onExport?: () => void;
  /** Shows Import, which opens a file picker and calls it with the file chosen. */
  onImport?: (file: File) => void;
  onAutoLayout: () => void;
  onFitView: () => void;
  /** Shows a Back button; asks first when there are unsaved changes. */
  onBack?: () => void;
}

const selectHasSelection = (state: EditorStore) =>
  selectSelectedNodeIds(state).length > 0 || state.edges.some((edge) => edge.selected);

const LEAVE_QUESTION = 'You have unsaved changes. Leave without saving?';

/**
 * The editor's toolbar: Back, the workflow's name, the unsaved-changes flag, Undo, Redo,
 * Delete, Auto-layout, Fit view, Export, Import, the last command's message, Save and Execute.
 */
export const Toolbar = memo(function Toolbar({
  feedback,
  busy,
  onSave,
  onExecute,
  onExport,
  onImport,
  onAutoLayout,
  onFitView,
  onBack,
}: ToolbarProps) {
  const store = useEditorStoreApi();
  const nameId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const name = useEditorStore(selectName);
  const saved = useEditorStore(selectWorkflowId) !== undefined;
  const dirty = useEditorStore(selectDirty);
  const canUndo = useEditorStore(selectCanUndo);
  const canRedo = useEditorStore(selectCanRedo);
  const hasSelection = useEditorStore(selectHasSelection);
  // "Saved" stops being true at the next edit.
  const shown = feedback?.kind === 'success' && dirty ? undefined : feedback;

  const back = () => {
    if (dirty && !window.confirm(LEAVE_QUESTION)) return;
    onBack?.();
  };
  const pickFile = () => {
    if (dirty && !window.confirm(TEXT.importQuestion)) return;
    fileInput.current?.click();
  };
  const fileChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again is a change too.
    event.target.value = '';
    if (file) onImport?.(file);
  };
  const remove = () => {
    const state = store.getState();
    const edges = state.edges.filter((edge) => edge.selected);
    if (edges.length > 0) {
      state.onEdgesChange(edges.map((edge) => ({ type: 'remove', id: edge.id })));
    }
    if (state.selectedNodeIds.length > 0) {
      state.onNodesChange(state.selectedNodeIds.map((id) => ({ type: 'remove', id })));
    }
  };

  return (
    <div className="flowloom-toolbar" role="toolbar" aria-label="Workflow">
      {onBack ? (
        <button type="button" className="flowloom-button" onClick={back}>
          Back
        </button>
      ) : null}
      <label className="flowloom-visually-hidden" htmlFor={nameId}>
        Workflow name
      </label>
      <input
        id={nameId}
        className="flowloom-input flowloom-toolbar__name"
        type="text"
        value={name}
        onChange={(event) => store.getState().setName(event.target.value)}
      />
      {dirty ? <span className="flowloom-toolbar__dirty">Unsaved changes</span> : null}
      <span className="flowloom-toolbar__group">
        <button
          type="button"
          className="flowloom-button"
          disabled={!canUndo}
          title="Undo (Ctrl/Cmd+Z)"
          onClick={() => store.getState().undo()}
        >
          Undo
        </button>
        <button
          type="button"
          className="flowloom-button"
          disabled={!canRedo}
          title="Redo (Shift+Ctrl/Cmd+Z)"
          onClick={() => store.getState().redo()}
        >
          Redo
        </button>
        <button
          type="button"
          className="flowloom-button"
          disabled={!hasSelection}
          title="Delete the selection (Delete)"
          onClick={remove}
        >
          Delete
        </button>
      </span>
      <span className="flowloom-toolbar__group">
        <button type="button" className="flowloom-button" onClick={onAutoLayout}>
          Auto-layout
        </button>
        <button type="button" className="flowloom-button" onClick={onFitView}>
          Fit view
        </button>
      </span>
      {onExport || onImport ? (
        <span className="flowloom-toolbar__group">
          {onExport ? (
            <button
              type="button"
              className="flowloom-button"
              disabled={!saved || busy !== undefined}
              aria-busy={busy === 'export'}
              title={saved ? TEXT.exportHint : TEXT.exportNeedsSave}
              onClick={onExport}
            >
              {TEXT.exportLabel}
            </button>
          ) : null}
          {onImport ? (
            <>
              <button
                type="button"
                className="flowloom-button"
                disabled={busy !== undefined}
                aria-busy={busy === 'import'}
                title={TEXT.importHint}
                onClick={pickFile}
              >
                {TEXT.importLabel}
              </button>
              <input
                ref={fileInput}
                className="flowloom-visually-hidden"
                type="file"
                accept=".json,application/json"
                aria-label={TEXT.importFileLabel}
                tabIndex={-1}
                onChange={fileChosen}
              />
            </>
          ) : null}
        </span>
      ) : null}
      <span className="flowloom-toolbar__spacer" />
      <FeedbackMessage feedback={shown} />
      <button
        type="button"
        className="flowloom-button"
        disabled={busy !== undefined}
        aria-busy={busy === 'save'}
        onClick={onSave}
      >
        Save
      </button>
      <button
        type="button"
        className="flowloom-button flowloom-button--primary"
        disabled={busy !== undefined}
        aria-busy={busy === 'execute'}
        onClick={onExecute}
      >
        Execute
      </button>
    </div>
  );
});
