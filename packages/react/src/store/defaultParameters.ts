import type { WorkflowComponentMetadata } from '@flowloom/core';

/** The parameter values a new node of a component starts with: each declared default, copied. */
export function defaultParameters(
  component: WorkflowComponentMetadata | undefined,
): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const parameter of component?.parameters ?? []) {
    // Copied so that editing one node's object or array default cannot change another's.
    if (parameter.default !== undefined)
      parameters[parameter.name] = structuredClone(parameter.default);
  }
  return parameters;
}
