import { deepFreeze, type WorkflowInstance } from '@flowloom/core';
import { type InstanceRow, instanceFromRow, instanceWithDocumentFromRow } from './recordsFromRows';

type WorkflowData = WorkflowInstance['workflow_data'];

/** How many instances' documents are kept: enough for the runs a process is in the middle of. */
const DEFAULT_CAPACITY = 16;

/**
 * Reads instance rows, validating each instance's workflow document once per stored text.
 *
 * @remarks A run reads its instance and updates it (with `RETURNING`) a few times, and the
 * document, which never changes after `createInstance`, is most of the row: parsing and
 * validating 10,000 nodes on each read cost 40–80 ms. The first read of a document validates
 * the whole record, as before, and keeps the document, frozen, under the instance's id with the
 * exact text it was read from; a later read whose text is identical reuses it and validates
 * only the other fields. A row whose text differs in any way (edited by hand, written by
 * another process) is validated in full again, so a malformed record is still refused with
 * `INTERNAL_ERROR`. Validity is a function of the text alone, so sharing a cache between stores
 * is sound; each backend has its own, since their texts decode differently.
 */
export class StoredInstanceDocuments {
  private readonly entries = new Map<string, { text: string; document: WorkflowData }>();

  constructor(
    private readonly decode: (text: string) => unknown,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** An instance from its row (every column but the document decoded) and its document's text. */
  read(row: Omit<InstanceRow, 'workflow_data'>, documentText: string): WorkflowInstance {
    const id = row.instance_id;
    const kept = this.entries.get(id);
    if (kept !== undefined && kept.text === documentText) {
      // Most recently used last, so the oldest is the one dropped.
      this.entries.delete(id);
      this.entries.set(id, kept);
      return instanceWithDocumentFromRow(row, kept.document);
    }
    const instance = instanceFromRow({ ...row, workflow_data: this.decode(documentText) });
    // Frozen, since every reader of this instance shares it from now on.
    this.entries.delete(id);
    this.entries.set(id, { text: documentText, document: deepFreeze(instance.workflow_data) });
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return instance;
  }
}
