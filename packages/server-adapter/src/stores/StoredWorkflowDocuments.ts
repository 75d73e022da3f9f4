import { deepFreeze, type SavedWorkflow } from '@flowloom/core';
import { type WorkflowRow, workflowFromRow, workflowWithDocumentFromRow } from './recordsFromRows';
import { TextKeyedCache } from './TextKeyedCache';

/**
 * How many saved versions' documents are kept: the versions a server's active workflows run
 * (each trigger, each `createInstance({ workflow_id })` reads one).
 */
const DEFAULT_CAPACITY = 64;

/**
 * Reads saved-workflow rows, validating each version's document once per stored text.
 *
 * @remarks Every trigger and every run of a saved workflow loads its version, and the document
 * is most of the row: parsing and validating a 1,000-node document on each load was most of a
 * run's creation. A saved version never changes, so its document is kept, frozen, under
 * `(workflow_id, version)` with the exact text it was read from, and a later load of the same
 * text validates only the other fields. A text that differs in any way is validated in full
 * again (see `StoredInstanceDocuments`, which does the same for instances).
 */
export class StoredWorkflowDocuments {
  private readonly documents: TextKeyedCache<SavedWorkflow['workflow_data']>;

  constructor(
    private readonly decode: (text: string) => unknown,
    capacity = DEFAULT_CAPACITY,
  ) {
    this.documents = new TextKeyedCache(capacity);
  }

  /** A saved workflow from its row (every column but the document decoded) and its text. */
  read(row: Omit<WorkflowRow, 'workflow_data'>, documentText: string): SavedWorkflow {
    const key = `${row.version}:${row.workflow_id}`;
    const kept = this.documents.get(key, documentText);
    if (kept !== undefined) return workflowWithDocumentFromRow(row, kept);
    const saved = workflowFromRow({ ...row, workflow_data: this.decode(documentText) });
    this.documents.set(key, documentText, deepFreeze(saved.workflow_data));
    return saved;
  }
}
