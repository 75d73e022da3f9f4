import type { WorkflowComponentMetadata } from '@flowloom/core';
import { useEffect, useLayoutEffect, useState } from 'react';
import { useWorkflowComponents } from '../hooks/useWorkflowComponents';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { loadBuiltinComponents, loadedBuiltinComponents } from './loadBuiltinComponents';

/** What {@link useEditorComponents} returns. */
export interface EditorComponents {
  components: WorkflowComponentMetadata[];
  /** Says that the list is loading, or why the built-ins are shown instead of the server's. */
  notice: string | undefined;
  /**
   * Whether the canvas may draw the workflow: the editor store holds a known list (the server's,
   * the built-ins, or none because both failed), or {@link COMPONENTS_WAIT_MS} went by without
   * one. Until then a node's type cannot be told from an unknown one, nor its handles drawn.
   */
  ready: boolean;
}

const NONE: WorkflowComponentMetadata[] = [];

/**
 * How long the canvas waits for a list before drawing the workflow anyway (its nodes then shown
 * as of unknown types until the list comes): a server that never answers must not hide it.
 */
export const COMPONENTS_WAIT_MS = 5_000;

/**
 * The components the editor offers: the server's list (kept in the editor store for forms,
 * handles and connection checks). Until it answers the palette says it is loading; when it
 * fails, the built-ins are loaded and shown with the reason. Built-ins already loaded on the page
 * (after an earlier failure) are shown at once while the server is asked again.
 */
export function useEditorComponents(): EditorComponents {
  const store = useEditorStoreApi();
  const text = useMessages('palette', enCore.palette);
  const { components: served, loading, error } = useWorkflowComponents();
  const answered = served.length > 0 || (!loading && error === null);
  const failed = error !== null && !answered;
  const [builtins, setBuiltins] = useState(loadedBuiltinComponents);
  const [builtinsFailed, setBuiltinsFailed] = useState(false);

  useEffect(() => {
    if (!failed || builtins) return;
    let current = true;
    // A chunk that cannot load either leaves the palette empty, with the server's error shown.
    loadBuiltinComponents().then(
      (list) => current && setBuiltins(list),
      () => current && setBuiltinsFailed(true),
    );
    return () => {
      current = false;
    };
  }, [failed, builtins]);

  const components = answered ? served : (builtins ?? NONE);
  const [ready, setReady] = useState(false);
  const [waitedLong, setWaitedLong] = useState(false);
  useEffect(() => {
    if (ready) return;
    const timer = setTimeout(() => setWaitedLong(true), COMPONENTS_WAIT_MS);
    return () => clearTimeout(timer);
  }, [ready]);
  const known = answered || builtins !== undefined || builtinsFailed || waitedLong;
  // Before paint, so the palette's entries and the canvas appear in the same frame.
  useLayoutEffect(() => {
    store.getState().setComponents(components);
    // Ready once the store holds a known list, and for good: a refetch must not hide the canvas.
    if (known) setReady(true);
  }, [store, components, known]);

  const notice = failed
    ? text.serverFailed(error.message)
    : !answered && !builtins
      ? text.loading
      : undefined;
  return { components, notice, ready };
}
