import {
  type ComponentProps,
  type ComponentType,
  createElement,
  type FunctionComponent,
  lazy,
  useState,
} from 'react';

type CanvasParts = typeof import('./canvasParts');

let loading: Promise<CanvasParts> | undefined;
/** The parts, once their chunk has loaded. */
let loaded: CanvasParts | undefined;

/** Loads the canvas parts' chunk once (again after a failed load). */
export function loadCanvasParts(): Promise<CanvasParts> {
  loading ??= import('./canvasParts').then(
    (parts) => {
      loaded = parts;
      return parts;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
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

/**
 * One of the canvas parts as a component that loads them on first use; render it inside
 * `<Suspense>`. Once the chunk has loaded (the canvas prefetches it when idle) it renders at
 * once, without suspending: selecting a node shows its parameter form in the same frame.
 */
export function lazyCanvasPart<K extends ComponentKeys>(
  name: K,
): FunctionComponent<ComponentProps<CanvasParts[K]>> {
  const Lazy = lazy(() => loadCanvasParts().then((parts) => ({ default: parts[name] })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per part at module level, as React.lazy is.
  function CanvasPart(props: ComponentProps<CanvasParts[K]>) {
    // Chosen once per mount: swapping the lazy wrapper for the loaded part would remount it.
    // (Typed loosely: TypeScript cannot relate the props of `CanvasParts[K]` for a generic K.)
    const [Part] = useState<ComponentType<object>>(
      () => (loaded?.[name] ?? Lazy) as ComponentType<object>,
    );
    return createElement(Part, props as object);
  }
  CanvasPart.displayName = `CanvasPart(${name})`;
  return CanvasPart;
}
