import { useId } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { useMessages } from '../i18n/useMessages';
import { selectDirty } from '../store/editorSelectors';
import { useEditorStore } from '../store/useEditorStore';
import type { SaveConflict } from './useEditorCommands';

/** Props of {@link VersionConflictNotice}. */
export interface VersionConflictNoticeProps {
  conflict: SaveConflict;
  /** Loads the latest version (asked first when there are unsaved changes). */
  onReload: () => void;
  /** Saves again over the version saved meanwhile. */
  onOverwrite: () => void;
  /** A command is under way: both buttons wait. */
  busy?: boolean;
}

/**
 * Says a save was refused because the workflow was saved elsewhere meanwhile (naming the
 * version it is at), and offers Reload (after a confirm, as it drops the changes) or Overwrite.
 */
export function VersionConflictNotice({
  conflict,
  onReload,
  onOverwrite,
  busy = false,
}: VersionConflictNoticeProps) {
  const text = useMessages('conflict', enCanvas.conflict);
  const dirty = useEditorStore(selectDirty);
  const titleId = useId();
  const textId = useId();
  const reload = () => {
    if (dirty && !window.confirm(text.reloadQuestion(conflict.currentVersion))) return;
    onReload();
  };
  return (
    <div
      className="flowloom-message flowloom-message--warning flowloom-conflict"
      role="alert"
      aria-labelledby={titleId}
      aria-describedby={textId}
    >
      <strong id={titleId}>{text.title}</strong>
      <span id={textId}>{text.explain(conflict.currentVersion, conflict.baseVersion)}</span>
      <span className="flowloom-conflict__actions">
        <button
          type="button"
          className="flowloom-button"
          title={text.reloadHint(conflict.currentVersion)}
          aria-describedby={textId}
          disabled={busy}
          onClick={reload}
        >
          {text.reload}
        </button>
        <button
          type="button"
          className="flowloom-button flowloom-button--danger"
          title={text.overwriteHint(conflict.currentVersion)}
          aria-describedby={textId}
          disabled={busy}
          onClick={onOverwrite}
        >
          {text.overwrite}
        </button>
      </span>
    </div>
  );
}
