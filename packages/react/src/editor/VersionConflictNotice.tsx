import { useId } from 'react';
import { selectDirty } from '../store/editorSelectors';
import { useEditorStore } from '../store/useEditorStore';
import type { SaveConflict } from './useEditorCommands';

/** The notice's words, in one place for a later catalogue. */
const TEXT = {
  title: 'Not saved: this workflow was changed elsewhere',
  explain: (conflict: SaveConflict) =>
    `Someone saved version ${conflict.currentVersion} while you were editing${
      conflict.baseVersion === undefined ? '' : ` version ${conflict.baseVersion}`
    }. Nothing was saved, and your changes are still here.`,
  reload: 'Reload',
  reloadHint: (version: number) => `Load version ${version}, discarding your changes`,
  reloadQuestion: (version: number) =>
    `Reload version ${version}? Your unsaved changes will be lost.`,
  overwrite: 'Overwrite',
  overwriteHint: (version: number) =>
    `Save your changes as the newest version; version ${version} stays in the history`,
} as const;

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
  const dirty = useEditorStore(selectDirty);
  const titleId = useId();
  const textId = useId();
  const reload = () => {
    if (dirty && !window.confirm(TEXT.reloadQuestion(conflict.currentVersion))) return;
    onReload();
  };
  return (
    <div
      className="flowloom-message flowloom-message--warning flowloom-conflict"
      role="alert"
      aria-labelledby={titleId}
      aria-describedby={textId}
    >
      <strong id={titleId}>{TEXT.title}</strong>
      <span id={textId}>{TEXT.explain(conflict)}</span>
      <span className="flowloom-conflict__actions">
        <button
          type="button"
          className="flowloom-button"
          title={TEXT.reloadHint(conflict.currentVersion)}
          aria-describedby={textId}
          disabled={busy}
          onClick={reload}
        >
          {TEXT.reload}
        </button>
        <button
          type="button"
          className="flowloom-button flowloom-button--danger"
          title={TEXT.overwriteHint(conflict.currentVersion)}
          aria-describedby={textId}
          disabled={busy}
          onClick={onOverwrite}
        >
          {TEXT.overwrite}
        </button>
      </span>
    </div>
  );
}
