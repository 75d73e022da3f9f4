import type { ColorMode } from '@xyflow/react';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { SaveWorkflowResult, WorkflowClient } from '../client/clientTypes';
import { useWorkflowClient } from '../hooks/useWorkflowClient';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { enCore } from '../i18n/enCore';
import type { I18nProps } from '../i18n/I18nProps';
import { I18nProvider } from '../i18n/I18nProvider';
import { useMessages } from '../i18n/useMessages';
import { createEditorStore } from '../store/createEditorStore';
import { EditorStoreProvider } from '../store/EditorStoreProvider';
import { type IconMap, IconsContext } from './IconsContext';
import { loadedBuiltinComponents } from './loadBuiltinComponents';
import { WorkflowEditorLayout } from './WorkflowEditorLayout';
import { WorkflowErrorBoundary } from './WorkflowErrorBoundary';

/** Props of {@link WorkflowEditor}. */
export interface WorkflowEditorProps extends I18nProps {
  /** A saved workflow to load on mount; a new, empty one when absent. */
  workflowId?: string;
  /** Shows a Back button that calls it (after asking when there are unsaved changes). */
  onBack?: () => void;
  /**
   * The API client. @default the enclosing `<WorkflowProvider>`'s, else one on `/api/workflow`
   */
  client?: WorkflowClient;
  /** Light, dark, or following the system's preference. @default 'light' */
  colorMode?: ColorMode;
  /** Added to the editor root's class names. */
  className?: string;
  /**
   * Told after each successful save, and after an import (which saves the file as a new
   * workflow and opens it): `result.workflow_id` is the workflow the editor now shows.
   */
  onSaved?: (result: SaveWorkflowResult) => void;
  /** Told the instance id when Execute has started a run. */
  onExecuted?: (instanceId: string) => void;
  /**
   * The largest file Import reads; match it to the server's `bodyLimit` when you raise that.
   * @default 1048576 (1 MiB, the server's default)
   */
  maxImportBytes?: number;
  /**
   * Icons of your own, by the name your components' metadata gives as `icon` (as written): a
   * React element each, drawn in the icon's box (`--flowloom-icon-size`). They win over the
   * built-in names. Metadata can also give an image URL (`https://…`, `data:image/…`,
   * `/icons/x.svg`) with no prop at all; the built-in names are listed in the README.
   * @example <WorkflowEditor icons={{ AcmeLogo: <AcmeLogoSvg /> }} />
   */
  icons?: IconMap;
}

const NO_ICONS: IconMap = {};

/**
 * The workflow editor: a palette of the server's components (drag them onto the canvas, or
 * click), the canvas on @xyflow/react (context menus, a component picker where a connection is
 * dropped, problems marked on nodes and edges), a side panel with the selected node's
 * parameters (expression completion and previews) and settings (retries, timeout, on error,
 * disabled, pinned test input) or the workflow's problems, and a toolbar with Save, Execute
 * (with input, and a live execution panel), undo/redo, delete, auto-layout, fit view, Export
 * and Import. Everything it shows speaks the language of `messages` (a catalogue such as `de`
 * from `@flowloom/react/locales/de`, or any subset), with dates and durations in `locale`.
 *
 * @remarks Import `@flowloom/react/styles.css` once; give the editor's parent a height. Without
 * a `client` or `<WorkflowProvider>` it talks to `/api/workflow` on the page's origin. Execute
 * runs the saved workflow (saving first only when there are unsaved changes), so its runs are
 * listed under the workflow (`listInstances({ workflow_id })`). A save made elsewhere meanwhile
 * is never overwritten silently: the editor offers to reload it or to overwrite it.
 * @example
 * <div style={{ height: '100vh' }}>
 *   <WorkflowEditor workflowId={id} onBack={() => navigate('/workflows')} colorMode="system" />
 * </div>
 */
export function WorkflowEditor({
  messages,
  locale,
  icons = NO_ICONS,
  ...props
}: WorkflowEditorProps) {
  return (
    <I18nProvider messages={messages} locale={locale}>
      <IconsContext.Provider value={icons}>
        <EditorWithStore {...props} />
      </IconsContext.Provider>
    </I18nProvider>
  );
}

/** The editor with its store, in the language around it. */
function EditorWithStore({
  client,
  ...props
}: Omit<WorkflowEditorProps, keyof I18nProps | 'icons'>) {
  const inherited = useWorkflowClient();
  const toolbarWords = useMessages('toolbar', enCore.toolbar);
  const problemsWords = useMessages('problems', enCore.problems);
  // Outside the error boundary, so "Try again" keeps the unsaved work.
  const [store] = useState(() =>
    createEditorStore({
      name: toolbarWords.untitled,
      problemText: problemsWords,
      components: Object.fromEntries(
        (loadedBuiltinComponents() ?? []).map((component) => [component.type, component]),
      ),
    }),
  );
  // The graph check's problems follow a change of language.
  useEffect(() => {
    if (store.getState().problemText !== problemsWords) {
      store.setState({ problemText: problemsWords });
    }
  }, [store, problemsWords]);
  return (
    <WorkflowProvider client={client ?? inherited}>
      <WorkflowErrorBoundary>
        <EditorStoreProvider store={store}>
          <ReactFlowProvider>
            <WorkflowEditorLayout {...props} />
          </ReactFlowProvider>
        </EditorStoreProvider>
      </WorkflowErrorBoundary>
    </WorkflowProvider>
  );
}
