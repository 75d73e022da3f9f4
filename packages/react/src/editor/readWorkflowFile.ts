import type { WorkflowExport } from '@flowloom/core';
import { createFormatters, type Formatters } from '../i18n/createFormatters';
import { enCanvas } from '../i18n/enCanvas';
import { enCore } from '../i18n/enCore';
import type { Messages } from '../i18n/Messages';

/**
 * The largest workflow file Import reads: the server's default request limit (1 MiB), so a file
 * it would refuse is refused here, before it is read or sent.
 */
export const MAX_WORKFLOW_FILE_BYTES = 1024 * 1024;

/** The file format version this editor reads. */
const FORMAT_VERSION = 1;

/** What {@link readWorkflowFile} found: a file to send to the server, or why not. */
export type WorkflowFileReading =
  | { ok: true; file: WorkflowExport }
  | { ok: false; message: string };

/**
 * Reads a file picked for Import: refuses, with a message for the user, one that is too large,
 * not JSON, or not a Flowloom workflow file of a version this editor reads. The server checks
 * the rest (name, nodes, edges) and answers with its own issues. The messages are in `words`
 * (a catalogue's `files` section) and sizes in `format`'s locale; English by default.
 */
export async function readWorkflowFile(
  file: Blob,
  maxBytes = MAX_WORKFLOW_FILE_BYTES,
  words: Messages['files'] = enCanvas.files,
  format: Formatters = createFormatters(enCore.locale),
): Promise<WorkflowFileReading> {
  if (file.size > maxBytes) {
    return {
      ok: false,
      message: words.tooLarge(format.bytes(file.size), format.bytes(maxBytes)),
    };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return {
      ok: false,
      message: words.unreadable(error instanceof Error ? error.message : String(error)),
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: words.notJson };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: words.notWorkflowFile };
  }
  if (!('flowloom_version' in data)) return { ok: false, message: words.notWorkflowFile };
  const version = (data as { flowloom_version: unknown }).flowloom_version;
  if (version !== FORMAT_VERSION) {
    return {
      ok: false,
      message: words.wrongVersion(JSON.stringify(version) ?? String(version), FORMAT_VERSION),
    };
  }
  return { ok: true, file: data as WorkflowExport };
}
