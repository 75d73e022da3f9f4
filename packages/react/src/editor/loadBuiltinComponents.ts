import type { WorkflowComponentMetadata } from '@flowloom/core';

let loading: Promise<WorkflowComponentMetadata[]> | undefined;
/** The built-ins, once their chunk has loaded. */
let loaded: WorkflowComponentMetadata[] | undefined;

/**
 * Loads the metadata of @flowloom/core's built-in components once (again after a failed load):
 * the palette's fallback when the server's list cannot be had. A chunk of its own (~4 kB gzip)
 * that most pages never fetch: the server's list holds the built-ins too.
 */
export function loadBuiltinComponents(): Promise<WorkflowComponentMetadata[]> {
  loading ??= import('./builtinComponentMetadata').then(
    (module) => {
      loaded = module.builtinComponentMetadata;
      return loaded;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The built-ins if their chunk has loaded (the server failed earlier on this page), else `undefined`. */
export function loadedBuiltinComponents(): WorkflowComponentMetadata[] | undefined {
  return loaded;
}
