import type { WorkflowIssue } from '@flowloom/core';
import type { ClientError, SaveWorkflowResult, WorkflowClient } from '../client/clientTypes';
import type { UseWorkflowEditorResult } from '../hooks/useWorkflowEditor';
import { enCanvas } from '../i18n/enCanvas';
import type { I18n } from '../i18n/I18nContext';
import type { Messages } from '../i18n/Messages';
import { mergeMessages } from '../i18n/mergeMessages';
import type { EditorStoreApi } from '../store/createEditorStore';
import { downloadJson } from './downloadJson';
import type { EditorFeedback } from './editorFeedback';
import { readWorkflowFile } from './readWorkflowFile';
import { workflowFileName } from './workflowFileName';

/** What Export and Import work with: the editor's parts, read when the command runs. */
export interface WorkflowFileContext {
  store: EditorStoreApi;
  client: WorkflowClient;
  load: UseWorkflowEditorResult['load'];
  i18n: I18n;
  /** Shows a message in the toolbar. */
  report: (feedback: EditorFeedback | undefined) => void;
  /** Marks a command as under way (`undefined` when it is done). */
  setBusy: (busy: 'export' | 'import' | undefined) => void;
  /** Told the new workflow after an import. */
  onImported?: (result: SaveWorkflowResult) => void;
  /** The largest file Import reads. @default 1 MiB */
  maxImportBytes?: number;
}

/** The `files` words in the language around. */
const wordsOf = (i18n: I18n): Text => mergeMessages(enCanvas.files, i18n.overrides.files);

function detailsOf(error: ClientError): string[] | undefined {
  if (!error.issues?.length) return undefined;
  return error.issues.map((issue) =>
    issue.path ? `${issue.path}: ${issue.message}` : issue.message,
  );
}

type Text = Messages['files'];

function importFailure(error: ClientError, words: Text): EditorFeedback {
  if (error.status === 413) return { kind: 'error', text: words.importTooLarge };
  const text =
    error.code === 'VALIDATION_FAILED' || error.code === 'INVALID_WORKFLOW'
      ? words.importInvalid(error.message)
      : words.importFailed(error.message);
  return { kind: 'error', text, details: detailsOf(error) };
}

/** Where an issue is: its node and parameter. */
const placeOf = (issue: WorkflowIssue) => `${issue.node_id ?? ''}\u0000${issue.field ?? ''}`;

function importSuccess(result: SaveWorkflowResult, words: Text): EditorFeedback {
  const errors = result.validation.errors.filter((issue) => issue.severity === 'error');
  // Counted by parameter: a component may report the same missing credential in its own words.
  const missing = new Set(
    errors.filter((issue) => issue.code === 'MISSING_CREDENTIAL').map(placeOf),
  );
  const others = errors.filter((issue) => !missing.has(placeOf(issue))).length;
  const details = [
    ...(missing.size > 0 ? [words.chooseCredentials(missing.size)] : []),
    ...(others > 0 ? [words.otherProblems(others)] : []),
  ];
  return {
    kind: details.length > 0 ? 'warning' : 'success',
    text: words.imported(result.name),
    details: details.length > 0 ? details : undefined,
  };
}

/**
 * Export: downloads the saved workflow (the version the editor is based on) as
 * `<name>.flowloom.json`, from the server's export (credential references replaced by
 * placeholders). Loaded with the canvas parts, on first use.
 */
export async function exportWorkflowFile(context: WorkflowFileContext): Promise<void> {
  const { store, client, report, setBusy } = context;
  const words = wordsOf(context.i18n);
  const { workflowId, version, dirty } = store.getState();
  if (workflowId === undefined) {
    report({ kind: 'error', text: words.exportNeedsSave });
    return;
  }
  setBusy('export');
  try {
    const result = await client.exportWorkflow(
      workflowId,
      version === undefined ? undefined : { version },
    );
    if (!result.success) {
      report({
        kind: 'error',
        text: words.exportFailed(result.error.message),
        details: detailsOf(result.error),
      });
      return;
    }
    const fileName = workflowFileName(result.data.name);
    downloadJson(fileName, result.data);
    report(
      dirty
        ? { kind: 'warning', text: words.exportedWithoutChanges(fileName, version) }
        : { kind: 'success', text: words.exported(fileName) },
    );
  } finally {
    setBusy(undefined);
  }
}

/**
 * Import: checks the file, sends it, opens the new workflow and marks what it lacks
 * (credentials to choose) on the nodes. Loaded with the canvas parts, on first use.
 */
export async function importWorkflowFile(context: WorkflowFileContext, file: Blob): Promise<void> {
  const { store, client, load, report, setBusy, onImported } = context;
  const words = wordsOf(context.i18n);
  setBusy('import');
  report({ kind: 'info', text: words.importing });
  try {
    const reading = await readWorkflowFile(
      file,
      context.maxImportBytes,
      words,
      context.i18n.format,
    );
    if (!reading.ok) {
      report({ kind: 'error', text: reading.message });
      return;
    }
    const imported = await client.importWorkflow(reading.file);
    if (!imported.success) {
      report(importFailure(imported.error, words));
      return;
    }
    const { workflow_id, validation, version } = imported.data;
    const opened = await load(workflow_id);
    if (!opened.success) {
      report({ kind: 'error', text: words.importedButNotOpened(opened.error.message) });
      return;
    }
    // The import's validation marks the nodes, as a save's does (e.g. credentials to pick).
    const state = store.getState();
    state.markSaved(workflow_id, validation.errors, state.revision, version);
    report(importSuccess(imported.data, words));
    onImported?.(imported.data);
  } finally {
    setBusy(undefined);
  }
}
