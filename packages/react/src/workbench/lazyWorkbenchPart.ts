import { type LazyExoticComponent, lazy } from 'react';

type WorkbenchParts = typeof import('./workbenchParts');

let loading: Promise<WorkbenchParts> | undefined;

/** Loads the workbench's chunk once (again after a failed load). */
export function loadWorkbench(): Promise<WorkbenchParts> {
  loading ??= import('./workbenchParts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * One part of the run workbench as a lazy component: the execution panel, the run history and
 * the workflow list share one chunk loaded the first time any of them renders, so none weighs
 * on the initial bundle. Render it inside `<Suspense>`.
 */
export function lazyWorkbenchPart<K extends keyof WorkbenchParts>(
  name: K,
): LazyExoticComponent<WorkbenchParts[K]> {
  return lazy(() => loadWorkbench().then((parts) => ({ default: parts[name] })));
}
