/** Where a workflow's last "Execute with input…" text is kept in the browser. */
const KEY_PREFIX = 'flowloom:run-input:';

/** The storage key for a workflow (an unsaved one shares one key). */
export function runInputKey(workflowId: string | undefined): string {
  return `${KEY_PREFIX}${workflowId ?? 'unsaved'}`;
}

/**
 * The input text last run with for a workflow, from `localStorage`; undefined when none was
 * kept or storage is unavailable (private mode, a sandboxed frame).
 */
export function readRunInput(workflowId: string | undefined): string | undefined {
  try {
    return globalThis.localStorage?.getItem(runInputKey(workflowId)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the input text a workflow was run with; a full or unavailable storage is ignored. */
export function rememberRunInput(workflowId: string | undefined, text: string): void {
  try {
    globalThis.localStorage?.setItem(runInputKey(workflowId), text);
  } catch {
    // Remembering is a convenience: a run must not fail because storage is full or off.
  }
}
