import type { WorkflowIssue } from '@flowloom/core';
import { useCallback, useState } from 'react';
import type { ClientError, SaveWorkflowResult } from '../client/clientTypes';
import { useWorkflowClient } from '../hooks/useWorkflowClient';
import { useWorkflowEditor } from '../hooks/useWorkflowEditor';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import type { EditorFeedback } from './editorFeedback';

/** Options of {@link useEditorCommands}. */
export interface EditorCommandOptions {
  /** Told after each successful save. */
  onSaved?: (result: SaveWorkflowResult) => void;
  /** Told the instance id once a run has started. */
  onExecuted?: (instanceId: string) => void;
}

/** What {@link useEditorCommands} returns. */
export interface EditorCommands {
  /** What the last command said. */
  feedback: EditorFeedback | undefined;
  /** The command under way, if any. */
  busy: 'save' | 'execute' | 'load' | undefined;
  /** The instance of the last run started here. */
  instanceId: string | undefined;
  save: () => Promise<void>;
  execute: () => Promise<void>;
  load: (workflowId: string) => Promise<void>;
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

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The editor's commands with their feedback: Save (the seed's "Workflow saved successfully!"),
 * Execute (save, refuse an invalid workflow with its reasons, create an instance, execute it)
 * and Load.
 */
export function useEditorCommands({
  onSaved,
  onExecuted,
}: EditorCommandOptions = {}): EditorCommands {
  const store = useEditorStoreApi();
  const client = useWorkflowClient();
  const editor = useWorkflowEditor();
  const [feedback, setFeedback] = useState<EditorFeedback | undefined>(undefined);
  const [busy, setBusy] = useState<EditorCommands['busy']>(undefined);
  const [instanceId, setInstanceId] = useState<string | undefined>(undefined);
  const { save: saveWorkflow, load: loadWorkflow } = editor;

  /** Saves; reports and returns undefined on failure. */
  const saveQuietly = useCallback(async (): Promise<SaveWorkflowResult | undefined> => {
    const result = await saveWorkflow();
    if (!result.success) {
      setFeedback({
        kind: 'error',
        text: `Save failed: ${result.error.message}`,
        details: detailsOf(result.error),
      });
      return undefined;
    }
    onSaved?.(result.data);
    return result.data;
  }, [saveWorkflow, onSaved]);

  const save = useCallback(async () => {
    setBusy('save');
    try {
      const saved = await saveQuietly();
      if (!saved) return;
      const errors = errorsOf(saved.validation.errors);
      setFeedback({
        kind: 'success',
        text: 'Workflow saved successfully!',
        details: errors.length
          ? [`${plural(errors.length, 'problem')} to fix before it can run.`]
          : undefined,
      });
    } finally {
      setBusy(undefined);
    }
  }, [saveQuietly]);

  const execute = useCallback(async () => {
    setBusy('execute');
    try {
      const saved = await saveQuietly();
      if (!saved) return;
      const errors = errorsOf(saved.validation.errors);
      if (!saved.validation.valid || errors.length > 0) {
        setFeedback({
          kind: 'error',
          text: `Cannot execute: the workflow has ${plural(errors.length, 'problem')}.`,
          details: errors.map((issue) => issue.message),
        });
        return;
      }
      const state = store.getState();
      const created = await client.createInstance({
        name: state.name,
        workflow_data: state.toWorkflowData(),
      });
      if (!created.success) {
        setFeedback({
          kind: 'error',
          text: `Cannot execute: ${created.error.message}`,
          details: detailsOf(created.error),
        });
        return;
      }
      const id = created.data.instance_id;
      const executed = await client.executeInstance(id, {});
      if (!executed.success) {
        setFeedback({
          kind: 'error',
          text: `Execution failed to start: ${executed.error.message}`,
          details: detailsOf(executed.error),
        });
        return;
      }
      setInstanceId(id);
      setFeedback({ kind: 'info', text: 'Execution started.' });
      onExecuted?.(id);
    } finally {
      setBusy(undefined);
    }
  }, [saveQuietly, store, client, onExecuted]);

  const load = useCallback(
    async (workflowId: string) => {
      setBusy('load');
      setFeedback({ kind: 'info', text: 'Loading workflow…' });
      try {
        const result = await loadWorkflow(workflowId);
        setFeedback(
          result.success
            ? undefined
            : { kind: 'error', text: `Could not load the workflow: ${result.error.message}` },
        );
      } finally {
        setBusy(undefined);
      }
    },
    [loadWorkflow],
  );

  return { feedback, busy, instanceId, save, execute, load, report: setFeedback };
}
