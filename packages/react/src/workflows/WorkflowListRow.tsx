import type { WorkflowSummary } from '@flowloom/core';
import { useState } from 'react';
import { downloadJson } from '../editor/downloadJson';
import { workflowFileName } from '../editor/workflowFileName';
import { StatusChip } from '../execution/StatusChip';
import { enLists } from '../i18n/enLists';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { useWorkflowRowDetails } from './useWorkflowRowDetails';
import type { WorkflowCatalog } from './WorkflowCatalog';

/** Props of {@link WorkflowListRow}. */
export interface WorkflowListRowProps {
  /** The listed workflow; with `active` (as `GET /editor/list` answers), its activation is not read again. */
  workflow: WorkflowSummary & { active?: boolean };
  catalog: WorkflowCatalog;
  onOpen: (workflowId: string) => void;
  onDuplicated?: (workflowId: string) => void;
}

/**
 * One saved workflow in the list: its name (opens it), an Active switch, its last run, when it
 * was saved, and Duplicate, Export and Delete (Delete asks first, in the row).
 */
export function WorkflowListRow({ workflow, catalog, onOpen, onDuplicated }: WorkflowListRowProps) {
  const { format } = useI18n();
  const text = useMessages('workflows', enLists.workflows);
  const { workflow_id: id, name, version } = workflow;
  const details = useWorkflowRowDetails(id, version, workflow.active);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const run = async (
    what: string,
    action: () => Promise<{ success: boolean; error?: { message: string } }>,
  ) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await action();
      if (!result.success) setError(text.failedAction(what, result.error?.message ?? ''));
      return result.success;
    } finally {
      setBusy(false);
    }
  };
  const toggle = () =>
    void run(text.activation, async () => {
      const next = !details.active;
      const result = await catalog.setActive(id, next);
      if (result.success) details.setActive(next);
      return result;
    });
  const duplicate = () =>
    void run(text.duplicate, async () => {
      const result = await catalog.duplicate(id);
      if (result.success) onDuplicated?.(result.data.workflow_id);
      return result;
    });
  const exportFile = () =>
    void run(text.export, async () => {
      const result = await catalog.exportFile(id);
      if (result.success) downloadJson(workflowFileName(name), result.data);
      return result;
    });
  const remove = () => void run(text.delete, () => catalog.remove(id));

  return (
    <tr data-workflow-id={id} aria-busy={busy}>
      <th scope="row">
        <button
          type="button"
          className="flowloom-link-button flowloom-workflow-list__name"
          aria-label={text.open(name)}
          onClick={() => onOpen(id)}
        >
          {name}
        </button>{' '}
        <span className="flowloom-workflow-list__muted">{text.version(version)}</span>
        {error && (
          <p className="flowloom-workflow-list__error" role="alert">
            {error}
          </p>
        )}
        {confirming && (
          <p className="flowloom-workflow-list__confirm">
            {text.confirmDelete(name)}{' '}
            <button
              type="button"
              className="flowloom-button flowloom-button--danger"
              aria-label={text.confirmNamed(name)}
              disabled={busy}
              onClick={remove}
            >
              {text.confirm}
            </button>{' '}
            <button type="button" className="flowloom-button" onClick={() => setConfirming(false)}>
              {text.cancel}
            </button>
          </p>
        )}
      </th>
      <td>
        <button
          type="button"
          role="switch"
          className="flowloom-switch"
          aria-checked={details.active === true}
          aria-label={text.activeNamed(name)}
          title={text.activeHint}
          disabled={busy || details.active === undefined}
          onClick={toggle}
        >
          <span className="flowloom-switch__track" aria-hidden="true" />
          <span className="flowloom-switch__text">{details.active ? text.on : text.off}</span>
        </button>
      </td>
      <td>
        {details.lastRun ? (
          <>
            <StatusChip status={details.lastRun.status} />{' '}
            <span className="flowloom-workflow-list__muted">
              {format.dateTime(details.lastRun.at)}
            </span>
          </>
        ) : details.lastRun === null ? (
          <span className="flowloom-workflow-list__muted">{text.never}</span>
        ) : null}
      </td>
      <td>{format.dateTime(workflow.updated_at)}</td>
      <td className="flowloom-workflow-list__actions">
        <RowAction
          label={text.duplicate}
          named={text.duplicateNamed(name)}
          busy={busy}
          onClick={duplicate}
        />
        <RowAction
          label={text.export}
          named={text.exportNamed(name)}
          busy={busy}
          onClick={exportFile}
        />
        <RowAction
          label={text.delete}
          named={text.deleteNamed(name)}
          busy={busy}
          danger
          expanded={confirming}
          onClick={() => setConfirming(true)}
        />
      </td>
    </tr>
  );
}

interface RowActionProps {
  /** The button's words. */
  label: string;
  /** Its accessible name, which names the workflow. */
  named: string;
  /** While an action of the row is under way, every button waits. */
  busy: boolean;
  /** A destructive action. */
  danger?: boolean;
  /** For a button that opens a question in the row: whether it is open. */
  expanded?: boolean;
  onClick: () => void;
}

/** One of a row's action buttons (Duplicate, Export, Delete). */
function RowAction({ label, named, busy, danger, expanded, onClick }: RowActionProps) {
  return (
    <button
      type="button"
      className={danger ? 'flowloom-button flowloom-button--danger' : 'flowloom-button'}
      aria-label={named}
      aria-expanded={expanded}
      disabled={busy}
      onClick={onClick}
    >
      {label}
    </button>
  );
}
