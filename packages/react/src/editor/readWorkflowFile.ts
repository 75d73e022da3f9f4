import type { WorkflowExport } from '@flowloom/core';

/**
 * The largest workflow file Import reads: the server's default request limit (1 MiB), so a file
 * it would refuse is refused here, before it is read or sent.
 */
export const MAX_WORKFLOW_FILE_BYTES = 1024 * 1024;

/** The file format version this editor reads. */
const FORMAT_VERSION = 1;

/** The messages, in one place for a later catalogue. */
const TEXT = {
  tooLarge: (size: string, limit: string) =>
    `The file is too large (${size}): a workflow file may be at most ${limit}.`,
  unreadable: (reason: string) => `The file could not be read: ${reason}`,
  notJson: 'This file is not JSON, so it is not a Flowloom workflow file.',
  notWorkflowFile: 'This file is not a Flowloom workflow file: it has no "flowloom_version".',
  wrongVersion: (found: string) =>
    `This file is in Flowloom file format version ${found}; this editor reads version ${FORMAT_VERSION}.`,
} as const;

/** What {@link readWorkflowFile} found: a file to send to the server, or why not. */
export type WorkflowFileReading =
  | { ok: true; file: WorkflowExport }
  | { ok: false; message: string };

/**
 * Reads a file picked for Import: refuses, with a message for the user, one that is too large,
 * not JSON, or not a Flowloom workflow file of a version this editor reads. The server checks
 * the rest (name, nodes, edges) and answers with its own issues.
 */
export async function readWorkflowFile(
  file: Blob,
  maxBytes = MAX_WORKFLOW_FILE_BYTES,
): Promise<WorkflowFileReading> {
  if (file.size > maxBytes) {
    return { ok: false, message: TEXT.tooLarge(formatBytes(file.size), formatBytes(maxBytes)) };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return {
      ok: false,
      message: TEXT.unreadable(error instanceof Error ? error.message : String(error)),
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: TEXT.notJson };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: TEXT.notWorkflowFile };
  }
  if (!('flowloom_version' in data)) return { ok: false, message: TEXT.notWorkflowFile };
  const version = (data as { flowloom_version: unknown }).flowloom_version;
  if (version !== FORMAT_VERSION) {
    return { ok: false, message: TEXT.wrongVersion(JSON.stringify(version) ?? String(version)) };
  }
  return { ok: true, file: data as WorkflowExport };
}

/** A size for people: bytes, KB or MB. */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
