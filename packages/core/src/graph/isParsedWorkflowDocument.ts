import type { WorkflowData } from '../schema/workflowData';
import { isOwnedFrozen } from '../store/frozenCopy';

/**
 * Whether a value is a workflow document made by the engine's own parser: valid against
 * `WorkflowDataSchema` with its defaults applied (exactly what `WorkflowDataSchema.parse` gives)
 * and frozen all the way down. The documents of the instances the engine creates are such.
 *
 * @remarks A store that serialises the document may keep it as the parse of the text it wrote,
 * instead of parsing and validating that text again when it reads it back. A document built any
 * other way (by hand, by `JSON.parse`, by zod) answers `false`, valid or not.
 *
 * @example
 * isParsedWorkflowDocument((await engine.createInstance({ name, workflow_data })).workflow_data); // true
 * isParsedWorkflowDocument({ nodes: [], edges: [] }); // false
 */
export function isParsedWorkflowDocument(value: unknown): value is WorkflowData {
  // Only the parser marks a tree as owned (`freezeOwned`).
  return isOwnedFrozen(value);
}
