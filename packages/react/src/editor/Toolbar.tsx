import { type ChangeEvent, memo, useId, useRef } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
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
import { ExecuteButton } from './ExecuteButton';
import type { EditorFeedback } from './editorFeedback';
import { FeedbackMessage } from './FeedbackMessage';
import { ProblemsButton } from './ProblemsButton';
import type { EditorBusy } from './useEditorCommands';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  /** What the last command said. */
  feedback: EditorFeedback | undefined;
  /** The command under way, which disables Save, Execute, Export and Import. */
  busy?: EditorBusy | undefined;
  onSave: () => void;
  onExecute: () => void;
  /** Shows Execute as a split button whose menu offers "Execute with input…", which calls it. */
  onExecuteWithInput?: () => void;
  /** Shows the count of problems, which calls it on a click. */
  onShowProblems?: () => void;
  /** Gives the message a Dismiss button, which calls it. */
  onDismissFeedback?: () => void;
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

/**
 * The editor's toolbar: Back, the workflow's name, the unsaved-changes flag, Undo, Redo,
 * Delete, Auto-layout, Fit view, Export, Import, the last command's message, Save and Execute.
 *
 * @remarks While a command is under way Save, Execute, Export and Import say so
 * (`aria-disabled`) and ignore clicks, but keep focus: a disabled button would drop it to
 * `<body>`.
 */
export const Toolbar = memo(function Toolbar({
  feedback,
  busy,
  onSave,
  onExecute,
  onExecuteWithInput,
  onShowProblems,
  onDismissFeedback,
  onExport,
  onImport,
  onAutoLayout,
  onFitView,
  onBack,
}: ToolbarProps) {
  const store = useEditorStoreApi();
  const text = useMessages('toolbar', enCore.toolbar);
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
  const waiting = busy !== undefined;
  /** Runs a command unless another one is under way. */
  const unlessBusy = (command: () => void) => () => {
    if (!waiting) command();
  };

  const back = () => {
    if (dirty && !window.confirm(text.leaveQuestion)) return;
    onBack?.();
  };
  const pickFile = () => {
    if (dirty && !window.confirm(text.importQuestion)) return;
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
    <div className="flowloom-toolbar" role="toolbar" aria-label={text.region}>
      {onBack ? (
        <button type="button" className="flowloom-button" onClick={back}>
          {text.back}
        </button>
      ) : null}
      <label className="flowloom-visually-hidden" htmlFor={nameId}>
        {text.name}
      </label>
      <input
        id={nameId}
        className="flowloom-input flowloom-toolbar__name"
        type="text"
        value={name}
        onChange={(event) => store.getState().setName(event.target.value)}
      />
      {dirty ? <span className="flowloom-toolbar__dirty">{text.unsaved}</span> : null}
      <span className="flowloom-toolbar__group">
        <button
          type="button"
          className="flowloom-button"
          disabled={!canUndo}
          title={text.undoHint}
          onClick={() => store.getState().undo()}
        >
          {text.undo}
        </button>
        <button
          type="button"
          className="flowloom-button"
          disabled={!canRedo}
          title={text.redoHint}
          onClick={() => store.getState().redo()}
        >
          {text.redo}
        </button>
        <button
          type="button"
          className="flowloom-button"
          disabled={!hasSelection}
          title={text.deleteHint}
          onClick={remove}
        >
          {text.delete}
        </button>
      </span>
      <span className="flowloom-toolbar__group">
        <button type="button" className="flowloom-button" onClick={onAutoLayout}>
          {text.autoLayout}
        </button>
        <button type="button" className="flowloom-button" onClick={onFitView}>
          {text.fitView}
        </button>
      </span>
      {onExport || onImport ? (
        <span className="flowloom-toolbar__group">
          {onExport ? (
            <button
              type="button"
              className="flowloom-button"
              disabled={!saved}
              aria-disabled={waiting || undefined}
              aria-busy={busy === 'export'}
              title={saved ? text.exportHint : text.exportNeedsSave}
              onClick={unlessBusy(onExport)}
            >
              {text.export}
            </button>
          ) : null}
          {onImport ? (
            <>
              <button
                type="button"
                className="flowloom-button"
                aria-disabled={waiting || undefined}
                aria-busy={busy === 'import'}
                title={text.importHint}
                onClick={unlessBusy(pickFile)}
              >
                {text.import}
              </button>
              <input
                ref={fileInput}
                className="flowloom-visually-hidden"
                type="file"
                accept=".json,application/json"
                aria-label={text.importFile}
                tabIndex={-1}
                onChange={fileChosen}
              />
            </>
          ) : null}
        </span>
      ) : null}
      <span className="flowloom-toolbar__spacer" />
      {/* Out of the toolbar's flow: a long message never moves or wraps the buttons. */}
      {shown ? (
        <div className="flowloom-toolbar__feedback">
          <FeedbackMessage feedback={shown} />
          {onDismissFeedback ? (
            <button
              type="button"
              className="flowloom-toolbar__dismiss"
              aria-label={text.dismiss}
              onClick={onDismissFeedback}
            >
              <span aria-hidden="true">×</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {onShowProblems ? <ProblemsButton onShow={onShowProblems} /> : null}
      <button
        type="button"
        className="flowloom-button"
        aria-disabled={waiting || undefined}
        aria-busy={busy === 'save'}
        onClick={unlessBusy(onSave)}
      >
        {text.save}
      </button>
      {onExecuteWithInput ? (
        <ExecuteButton
          disabled={waiting}
          busy={busy === 'execute'}
          onExecute={onExecute}
          onExecuteWithInput={onExecuteWithInput}
        />
      ) : (
        <button
          type="button"
          className="flowloom-button flowloom-button--primary"
          aria-disabled={waiting || undefined}
          aria-busy={busy === 'execute'}
          onClick={unlessBusy(onExecute)}
        >
          {text.execute}
        </button>
      )}
    </div>
  );
});
