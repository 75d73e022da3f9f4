import { act, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createEditorStore, type EditorStoreApi } from './createEditorStore';
import { EditorStoreProvider } from './EditorStoreProvider';
import { selectCanUndo, selectName, selectNodes } from './editorSelectors';
import { useEditorStore } from './useEditorStore';
import { useEditorStoreApi } from './useEditorStoreApi';

const OUTSIDE =
  'useEditorStore must be used inside <EditorStoreProvider> (the <WorkflowEditor> provides one)';

/** Stores and render counts seen by the probes below, reset by each test. */
const seen: { stores: EditorStoreApi[]; renders: number } = { stores: [], renders: 0 };

function StoreProbe() {
  seen.stores.push(useEditorStoreApi());
  return <span>{useEditorStore(selectName)}</span>;
}

function NameProbe() {
  seen.renders += 1;
  return <span>{useEditorStore(selectName)}</span>;
}

function reset() {
  seen.stores = [];
  seen.renders = 0;
}

describe('useEditorStore', () => {
  it('throws a clear error outside a provider', () => {
    // React logs the error it rethrows; keep the output clean.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useEditorStore(selectNodes))).toThrow(OUTSIDE);
    expect(() => renderHook(() => useEditorStoreApi())).toThrow(OUTSIDE);
    spy.mockRestore();
  });

  it('reads the given store and re-renders when the selected slice changes', () => {
    const store = createEditorStore({ name: 'Given' });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <EditorStoreProvider store={store}>{children}</EditorStoreProvider>
    );
    const { result } = renderHook(
      () => ({ name: useEditorStore(selectName), canUndo: useEditorStore(selectCanUndo) }),
      { wrapper },
    );
    expect(result.current).toEqual({ name: 'Given', canUndo: false });
    act(() => {
      store.getState().addNode('log', { x: 0, y: 0 });
      store.getState().setName('Renamed');
    });
    expect(result.current).toEqual({ name: 'Renamed', canUndo: true });
  });

  it('does not re-render for changes outside the selected slice', () => {
    reset();
    const store = createEditorStore();
    render(
      <EditorStoreProvider store={store}>
        <NameProbe />
      </EditorStoreProvider>,
    );
    const before = seen.renders;
    act(() => store.getState().select([]));
    act(() => void store.getState().addNode('log', { x: 0, y: 0 }));
    expect(seen.renders).toBe(before);
  });
});

describe('EditorStoreProvider', () => {
  it('makes one store from initialState and keeps it across re-renders', () => {
    reset();
    const { rerender } = render(
      <EditorStoreProvider initialState={{ name: 'Initial' }}>
        <StoreProbe />
      </EditorStoreProvider>,
    );
    rerender(
      <EditorStoreProvider initialState={{ name: 'Ignored later' }}>
        <StoreProbe />
      </EditorStoreProvider>,
    );
    expect(screen.getByText('Initial')).toBeInTheDocument();
    expect(seen.stores.length).toBeGreaterThan(1);
    expect(new Set(seen.stores).size).toBe(1);
  });

  it('gives each provider its own store', () => {
    reset();
    render(
      <>
        <EditorStoreProvider>
          <StoreProbe />
        </EditorStoreProvider>
        <EditorStoreProvider>
          <StoreProbe />
        </EditorStoreProvider>
      </>,
    );
    expect(seen.stores[0]).not.toBe(seen.stores[1]);
  });
});
