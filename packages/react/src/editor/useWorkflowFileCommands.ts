import { useCallback, useRef } from 'react';
import type { SaveWorkflowResult } from '../client/clientTypes';
import { useWorkflowClient } from '../hooks/useWorkflowClient';
import { useWorkflowEditor } from '../hooks/useWorkflowEditor';
import { useI18n } from '../i18n/useI18n';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import type { EditorFeedback } from './editorFeedback';
import { loadCanvasParts } from './lazyCanvasPart';
import type { WorkflowFileContext } from './workflowFileCommands';

/** Options of {@link useWorkflowFileCommands}. */
export interface WorkflowFileCommandOptions {
  /** Shows a message in the toolbar. */
  report: (feedback: EditorFeedback | undefined) => void;
  /** Marks a command as under way (`undefined` when it is done). */
  setBusy: (busy: 'export' | 'import' | undefined) => void;
  /** Told the new workflow after an import. */
  onImported?: (result: SaveWorkflowResult) => void;
  /** The largest file Import reads. @default 1 MiB */
  maxImportBytes?: number;
}

/** What {@link useWorkflowFileCommands} returns. */
export interface WorkflowFileCommands {
  /** Downloads the saved workflow (the version the editor is based on) as `<name>.flowloom.json`. */
  exportFile: () => Promise<void>;
  /** Imports a workflow file as a new workflow and opens it, its missing credentials marked. */
  importFile: (file: Blob) => Promise<void>;
}

/**
 * The editor's Export and Import. Export asks the server for the workflow as a file (credential
 * references replaced by placeholders) and downloads it; Import checks the file, sends it, opens
 * the new workflow and marks what it lacks (credentials to choose) on the nodes. Both, and their
 * words, load with the canvas parts (workflowFileCommands.ts) on first use.
 */
export function useWorkflowFileCommands(options: WorkflowFileCommandOptions): WorkflowFileCommands {
  const store = useEditorStoreApi();
  const i18n = useI18n();
  const client = useWorkflowClient();
  const { load } = useWorkflowEditor();
  // Read when a command runs: the commands themselves stay the same across renders.
  const context = useRef<WorkflowFileContext>(undefined as never);
  context.current = { ...options, store, client, load, i18n };

  /** Runs a command from the canvas parts; a chunk that cannot load is reported as an error. */
  const run = useCallback(
    async (command: (parts: Awaited<ReturnType<typeof loadCanvasParts>>) => Promise<void>) => {
      let parts: Awaited<ReturnType<typeof loadCanvasParts>>;
      try {
        parts = await loadCanvasParts();
      } catch (error) {
        context.current.report({
          kind: 'error',
          text: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      await command(parts);
    },
    [],
  );

  const exportFile = useCallback(
    () => run((parts) => parts.exportWorkflowFile(context.current)),
    [run],
  );
  const importFile = useCallback(
    (file: Blob) => run((parts) => parts.importWorkflowFile(context.current, file)),
    [run],
  );
  return { exportFile, importFile };
}
