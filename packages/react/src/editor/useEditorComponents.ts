import type { WorkflowComponentMetadata } from '@flowloom/core';
import { useEffect } from 'react';
import { useWorkflowComponents } from '../hooks/useWorkflowComponents';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { builtinComponentList } from './builtinComponentList';

/** What {@link useEditorComponents} returns. */
export interface EditorComponents {
  components: WorkflowComponentMetadata[];
  /** Says why the built-ins are shown instead of the server's list, when they are. */
  notice: string | undefined;
}

/**
 * The components the editor offers: the built-ins at once, replaced by the server's list as
 * soon as it answers (kept in the editor store for forms, handles and connection checks).
 */
export function useEditorComponents(): EditorComponents {
  const store = useEditorStoreApi();
  const text = useMessages('palette', enCore.palette);
  const { components: served, loading, error } = useWorkflowComponents();
  const answered = served.length > 0 || (!loading && error === null);
  const components = answered ? served : builtinComponentList();

  useEffect(() => {
    store.getState().setComponents(components);
  }, [store, components]);

  const notice = error && !answered ? text.serverFailed(error.message) : undefined;
  return { components, notice };
}
