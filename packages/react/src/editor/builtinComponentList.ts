import { componentRegistry, type WorkflowComponentMetadata } from '@flowloom/core';

let builtins: WorkflowComponentMetadata[] | undefined;

/**
 * The metadata of the components in @flowloom/core's default registry (the built-ins), read
 * once. The editor shows these until the server's list arrives, so its palette is never empty.
 */
export function builtinComponentList(): WorkflowComponentMetadata[] {
  builtins ??= componentRegistry.getAllComponents();
  return builtins;
}
