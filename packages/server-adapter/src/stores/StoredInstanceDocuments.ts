import { deepFreeze, isParsedWorkflowDocument, type WorkflowInstance } from '@flowloom/core';
import { type InstanceRow, instanceFromRow, instanceWithDocumentFromRow } from './recordsFromRows';
import { TextKeyedCache } from './TextKeyedCache';

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
  private readonly documents: TextKeyedCache<WorkflowData>;

  constructor(
    private readonly decode: (text: string) => unknown,
    capacity = DEFAULT_CAPACITY,
  ) {
    this.documents = new TextKeyedCache(capacity);
  }

  /** An instance from its row (every column but the document decoded) and its document's text. */
  read(row: Omit<InstanceRow, 'workflow_data'>, documentText: string): WorkflowInstance {
    const kept = this.documents.get(row.instance_id, documentText);
    if (kept !== undefined) return instanceWithDocumentFromRow(row, kept);
    const instance = instanceFromRow({ ...row, workflow_data: this.decode(documentText) });
    // Frozen, since every reader of this instance shares it from now on.
    this.documents.set(row.instance_id, documentText, deepFreeze(instance.workflow_data));
    return instance;
  }

  /**
   * Keeps the document an instance is being written with as the reading of the text written,
   * when the engine's parser made it (`isParsedWorkflowDocument`: valid, defaults applied,
   * frozen), so the row read back (`RETURNING`) and later reads validate only the other fields.
   * Any other document is left to be validated when it is read. The caller makes sure the text
   * reads back as the document (`isJsonExact`).
   */
  remember(instanceId: string, documentText: string, document: unknown): void {
    if (isParsedWorkflowDocument(document)) this.documents.set(instanceId, documentText, document);
  }
}
