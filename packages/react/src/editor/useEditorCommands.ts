import type { WorkflowIssue } from '@flowloom/core';
import { useCallback, useState } from 'react';
import type { ClientError, SaveWorkflowResult } from '../client/clientTypes';
import { isVersionConflict } from '../client/isVersionConflict';
import { useWorkflowClient } from '../hooks/useWorkflowClient';
import { useWorkflowEditor } from '../hooks/useWorkflowEditor';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import type { EditorFeedback } from './editorFeedback';
import { nodeNames } from './nodeNames';
import { pinnedRunInput } from './pinnedRunInput';
import { useWorkflowFileCommands } from './useWorkflowFileCommands';

/** A command under way in the editor. */
export type EditorBusy = 'save' | 'execute' | 'load' | 'export' | 'import';

/**
 * A save refused because the workflow was saved elsewhere meanwhile: nothing was written, and
 * the editor still holds the user's changes.
 */
export interface SaveConflict {
  /** The version the workflow is at now. */
  currentVersion: number;
  /** The version the editor's changes are based on. */
  baseVersion: number | undefined;
}

/** Options of {@link useEditorCommands}. */
export interface EditorCommandOptions {
  /** Told after each successful save, and after an import (which saves a new workflow). */
  onSaved?: (result: SaveWorkflowResult) => void;
  /** Told the instance id once a run has started. */
  onExecuted?: (instanceId: string) => void;
  /** The largest file Import reads. @default 1 MiB */
  maxImportBytes?: number;
}

/** How Execute runs the workflow. */
export interface RunOptions {
  /** The run's input; the trigger's pinned test input when absent. */
  input?: Record<string, unknown>;
  /** Run only this step and the steps before it. */
  until?: string;
}

/** What {@link useEditorCommands} returns. */
export interface EditorCommands {
  /** What the last command said. */
  feedback: EditorFeedback | undefined;
  /** The command under way, if any. */
  busy: EditorBusy | undefined;
  /** The instance of the last run started here. */
  instanceId: string | undefined;
  /** The last save's version conflict, until it is resolved by a reload or an overwrite. */
  conflict: SaveConflict | undefined;
  save: () => Promise<void>;
  /**
   * Runs the saved workflow: with `input` as the run's input (else the trigger's pinned test
   * input, else `{}`), and only up to the step `until` when given.
   */
  execute: (options?: RunOptions) => Promise<void>;
  load: (workflowId: string) => Promise<void>;
  /** After a conflict: loads the latest version, dropping the editor's changes. */
  reload: () => Promise<void>;
  /** After a conflict: saves the editor's workflow over the version saved meanwhile. */
  overwrite: () => Promise<void>;
  /** Downloads the saved workflow as `<name>.flowloom.json`. */
  exportFile: () => Promise<void>;
  /** Imports a workflow file as a new workflow and opens it. */
  importFile: (file: Blob) => Promise<void>;
  /** Shows a message (e.g. from auto-layout). */
  report: (feedback: EditorFeedback | undefined) => void;
}

function detailsOf(error: ClientError): string[] | undefined {
  if (!error.issues?.length) return undefined;
  return error.issues.map((issue) =>
    issue.path ? `${issue.path}: ${issue.message}` : issue.message,
  );
}

function errorsOf(issues: readonly WorkflowIssue[]): WorkflowIssue[] {
  return issues.filter((issue) => issue.severity === 'error');
}

/**
 * The editor's commands with their feedback: Save (the seed's "Workflow saved successfully!"),
 * Execute, Load, Export and Import, and the way out of a version conflict (reload or
 * overwrite).
 *
 * @remarks Execute runs the saved workflow: it saves first only when there are unsaved changes
 * (or it was never saved), refuses an invalid workflow with its reasons, then creates the
 * instance from `workflow_id` and that version, so the run shows in the workflow's history and
 * an unchanged workflow is not saved again on every run.
 */
export function useEditorCommands({
  onSaved,
  onExecuted,
  maxImportBytes,
}: EditorCommandOptions = {}): EditorCommands {
  const store = useEditorStoreApi();
  const words = useMessages('commands', enCore.commands);
  const client = useWorkflowClient();
  const editor = useWorkflowEditor();
  const [feedback, setFeedback] = useState<EditorFeedback | undefined>(undefined);
  const [busy, setBusy] = useState<EditorBusy | undefined>(undefined);
  const [instanceId, setInstanceId] = useState<string | undefined>(undefined);
  const [conflict, setConflict] = useState<SaveConflict | undefined>(undefined);
  const { save: saveWorkflow, load: loadWorkflow } = editor;
  const files = useWorkflowFileCommands({
    report: setFeedback,
    setBusy,
    onImported: onSaved,
    maxImportBytes,
  });

  /** Saves; reports (a conflict through `conflict`) and returns undefined on failure. */
  const saveQuietly = useCallback(
    async (expectedVersion?: number): Promise<SaveWorkflowResult | undefined> => {
      const baseVersion = store.getState().version;
      const result = await saveWorkflow({ expectedVersion });
      if (!result.success) {
        if (isVersionConflict(result.error)) {
          setConflict({ currentVersion: result.error.current_version, baseVersion });
          setFeedback(undefined);
          return undefined;
        }
        setFeedback({
          kind: 'error',
          text: words.saveFailed(result.error.message),
          details: detailsOf(result.error),
        });
        return undefined;
      }
      setConflict(undefined);
      onSaved?.(result.data);
      return result.data;
    },
    [store, saveWorkflow, onSaved, words],
  );

  const saveAndReport = useCallback(
    async (expectedVersion?: number) => {
      setBusy('save');
      try {
        const saved = await saveQuietly(expectedVersion);
        if (!saved) return;
        const errors = errorsOf(saved.validation.errors);
        const details = [
          ...(expectedVersion === undefined ? [] : [words.savedOver(expectedVersion)]),
          ...(errors.length ? [words.problemsToFix(errors.length)] : []),
        ];
        setFeedback({
          kind: 'success',
          text: words.saved,
          details: details.length ? details : undefined,
        });
      } finally {
        setBusy(undefined);
      }
    },
    [saveQuietly, words],
  );

  const save = useCallback(() => saveAndReport(), [saveAndReport]);

  const overwrite = useCallback(async () => {
    if (conflict === undefined) return;
    await saveAndReport(conflict.currentVersion);
  }, [conflict, saveAndReport]);

  /** Refuses to run a workflow with errors; true when it may run. */
  const mayRun = useCallback(
    (valid: boolean, issues: readonly WorkflowIssue[]): boolean => {
      const errors = errorsOf(issues);
      if (valid && errors.length === 0) return true;
      // Each problem names its node: "Log (log_2): Message is required", not the message twice.
      const { nodes, components } = store.getState();
      const names = nodeNames(nodes, components);
      setFeedback({
        kind: 'error',
        text: words.cannotExecuteInvalid(errors.length),
        details: errors.map((issue) => {
          const name = issue.node_id === undefined ? undefined : names.get(issue.node_id);
          return name ? `${name}: ${issue.message}` : issue.message;
        }),
      });
      return false;
    },
    [store, words],
  );

  /**
   * The saved workflow and version to run: the one the editor holds when it has no unsaved
   * changes, else the version a save makes now. Undefined (with the reason shown) when it can't.
   */
  const versionToRun = useCallback(async (): Promise<
    { workflowId: string; version: number } | undefined
  > => {
    const state = store.getState();
    if (!state.dirty && state.workflowId !== undefined && state.version !== undefined) {
      // Saved and unchanged since: its last validation still holds.
      const issues = Object.values(state.issuesByNode).flat();
      if (!mayRun(true, issues)) return undefined;
      return { workflowId: state.workflowId, version: state.version };
    }
    const saved = await saveQuietly();
    if (!saved) return undefined;
    if (!mayRun(saved.validation.valid, saved.validation.errors)) return undefined;
    return { workflowId: saved.workflow_id, version: saved.version };
  }, [store, saveQuietly, mayRun]);

  const execute = useCallback(
    async (options: RunOptions = {}) => {
      setBusy('execute');
      try {
        const target = await versionToRun();
        if (!target) return;
        const created = await client.createInstance({
          name: store.getState().name,
          workflow_id: target.workflowId,
          version: target.version,
        });
        if (!created.success) {
          setFeedback({
            kind: 'error',
            text: words.cannotExecute(created.error.message),
            details: detailsOf(created.error),
          });
          return;
        }
        const id = created.data.instance_id;
        const input = options.input ?? pinnedRunInput(store.getState()) ?? {};
        const executed = await client.executeInstance(
          id,
          input,
          options.until === undefined ? undefined : { until: options.until },
        );
        if (!executed.success) {
          setFeedback({
            kind: 'error',
            text: words.executionNotStarted(executed.error.message),
            details: detailsOf(executed.error),
          });
          return;
        }
        setInstanceId(id);
        setFeedback({ kind: 'info', text: words.executionStarted });
        onExecuted?.(id);
      } finally {
        setBusy(undefined);
      }
    },
    [versionToRun, store, client, onExecuted, words],
  );

  const load = useCallback(
    async (workflowId: string) => {
      setBusy('load');
      setFeedback({ kind: 'info', text: words.loading });
      try {
        const result = await loadWorkflow(workflowId);
        if (result.success) setConflict(undefined);
        setFeedback(
          result.success
            ? undefined
            : { kind: 'error', text: words.loadFailed(result.error.message) },
        );
      } finally {
        setBusy(undefined);
      }
    },
    [loadWorkflow, words],
  );

  const reload = useCallback(async () => {
    const workflowId = store.getState().workflowId;
    if (workflowId === undefined) return;
    setBusy('load');
    try {
      const result = await loadWorkflow(workflowId);
      if (!result.success) {
        setFeedback({ kind: 'error', text: words.loadFailed(result.error.message) });
        return;
      }
      setConflict(undefined);
      setFeedback({ kind: 'info', text: words.reloaded(result.data.version) });
    } finally {
      setBusy(undefined);
    }
  }, [store, loadWorkflow, words]);

  return {
    feedback,
    busy,
    instanceId,
    conflict,
    save,
    execute,
    load,
    reload,
    overwrite,
    exportFile: files.exportFile,
    importFile: files.importFile,
    report: setFeedback,
  };
}
