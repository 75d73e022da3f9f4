import type { EditorStoreApi } from '../store/createEditorStore';

/** What the execution panel tells the rest of the editor about the run it shows. */
export interface EditorRunViewState {
  /**
   * The older saved version loaded on the canvas to show a run of it: the editor is read-only
   * until the run is closed (the editor's own workflow comes back then).
   */
  readOnlyVersion: number | undefined;
}

/** One editor's run view: a tiny observable beside its store. */
export class EditorRunView {
  #state: EditorRunViewState = { readOnlyVersion: undefined };
  readonly #listeners = new Set<() => void>();

  /** Calls `listener` after each change; returns the function that stops it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The current state; a new object after each change. */
  readonly getSnapshot = (): EditorRunViewState => this.#state;

  /** Sets the read-only version (`undefined`: the editor's own workflow is back). */
  setReadOnlyVersion(version: number | undefined): void {
    if (this.#state.readOnlyVersion === version) return;
    this.#state = { readOnlyVersion: version };
    for (const listener of [...this.#listeners]) listener();
  }
}

const views = new WeakMap<EditorStoreApi, EditorRunView>();

/**
 * The run view of the editor that owns `store`: the panel writes it, the editor's layout reads
 * it (to lock editing while an older version is shown). Keyed by the store, so it needs no
 * provider of its own.
 */
export function editorRunViewOf(store: EditorStoreApi): EditorRunView {
  let view = views.get(store);
  if (!view) {
    view = new EditorRunView();
    views.set(store, view);
  }
  return view;
}
