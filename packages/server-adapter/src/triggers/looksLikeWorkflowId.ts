/**
 * The shape of a workflow id: `createId('wf')` makes `wf_` and 32 hex digits (35 characters);
 * hosts' and tests' own ids keep to letters, digits, `_` and `-`. Anything else — or longer —
 * names no workflow.
 */
const WORKFLOW_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Whether a webhook URL's workflow id could name a saved workflow, checked before anything is
 * looked up or counted: a flood of made-up ids (4 KB each, say) then costs no store read and no
 * rate-limit counter.
 */
export function looksLikeWorkflowId(id: string): boolean {
  return WORKFLOW_ID.test(id);
}
