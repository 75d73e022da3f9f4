import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Text parameters turn into CodeMirror editors once its chunk has loaded (on a field's first
// focus): in jsdom that swap would land at a moment a test cannot know, and user-event does not
// drive a contenteditable the way a browser does. Fields stay plain here; ExpressionInput.test
// unmocks this to test the swap, and the browser tests (examples/quickstart/e2e) drive the
// real editor.
vi.mock('./src/editor/expressions/loadExpressionEditor', () => ({
  loadExpressionEditor: () => new Promise(() => {}),
  loadedExpressionEditor: () => undefined,
}));

// In a browser the canvas prefetches its lazily loaded parts (parameter and settings forms, menus,
// dialogs) when idle, and they render at once from then on. Tests act faster than that: load them
// first, so a selected node's form is there in the same render, as it is for a user. The built-in
// components' metadata loads too: the palette then offers the built-ins at once, before the
// server's list arrives, as it does on a page where the server failed once (a test of the
// palette's loading state mocks loadBuiltinComponents).
if (typeof window !== 'undefined') {
  const { loadCanvasParts } = await import('./src/editor/lazyCanvasPart');
  const { loadBuiltinComponents } = await import('./src/editor/loadBuiltinComponents');
  await Promise.all([loadCanvasParts(), loadBuiltinComponents()]);
}

// Real servers and the MSW kit answer asynchronously; on a loaded two-core CI machine the
// default 1 s of `waitFor`/`findBy*` is too short for a save, a create and a run.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
});

// jsdom lacks what @xyflow/react measures with (TOOLCHAIN.md): give it sizes and observers.
class ResizeObserverStub {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    this.callback(
      [{ target, contentRect: target.getBoundingClientRect() } as ResizeObserverEntry],
      this,
    );
  }
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== 'undefined')
  globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}
if (typeof window !== 'undefined')
  globalThis.DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub as unknown as typeof DOMMatrixReadOnly;

// Files that run in the node environment (real servers) have no DOM to stub.
if (typeof HTMLElement !== 'undefined') {
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: { configurable: true, get: () => 100 },
    offsetWidth: { configurable: true, get: () => 160 },
  });
  const svg = SVGElement.prototype as SVGElement & { getBBox?: () => DOMRect };
  svg.getBBox ??= () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
}
