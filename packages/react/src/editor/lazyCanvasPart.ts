import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

type CanvasParts = typeof import('./canvasParts');

let loading: Promise<CanvasParts> | undefined;

/** Loads the canvas parts' chunk once (again after a failed load). */
export function loadCanvasParts(): Promise<CanvasParts> {
  loading ??= import('./canvasParts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Loads the canvas parts when the browser is idle, so the first context menu or dialog opens
 * without waiting; a failure is left for the first real use to report.
 */
export function prefetchCanvasParts(): () => void {
  const load = () => void loadCanvasParts().catch(() => {});
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(load, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(load, 500);
  return () => clearTimeout(timer);
}

type ComponentKeys = {
  [K in keyof CanvasParts]: CanvasParts[K] extends ComponentType<never> ? K : never;
}[keyof CanvasParts];

/** One of the canvas parts as a lazy component; render it inside `<Suspense>`. */
export function lazyCanvasPart<K extends ComponentKeys>(
  name: K,
): LazyExoticComponent<CanvasParts[K]> {
  return lazy(() => loadCanvasParts().then((parts) => ({ default: parts[name] })));
}
