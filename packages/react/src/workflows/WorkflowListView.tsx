import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useWorkflowClient } from '../hooks/useWorkflowClient';
import { enLists } from '../i18n/enLists';
import type { I18nProps } from '../i18n/I18nProps';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { ListTable } from './ListTable';
import { WorkflowCatalog } from './WorkflowCatalog';
import { WorkflowListRow } from './WorkflowListRow';

/** Props of `WorkflowList` (and of {@link WorkflowListView}, the list it loads). */
export interface WorkflowListProps extends I18nProps {
  /** Opens a workflow, e.g. in the editor. */
  onOpen: (workflowId: string) => void;
  /** Shows a "New workflow" button that calls it. */
  onCreate?: () => void;
  /** Told the new workflow's id after a Duplicate. */
  onDuplicated?: (workflowId: string) => void;
  /** The heading. @default the catalogue's 'Workflows' */
  title?: string;
  /** Light, dark, or following the system's preference. @default 'light' */
  colorMode?: 'light' | 'dark' | 'system';
  /** Added to the root's class names (the root is a `.flowloom-root`). */
  className?: string;
}

/**
 * The workflow list itself, loaded on demand by `WorkflowList`: every saved workflow with its
 * Active switch, last run, last save, and Open, Duplicate, Export and Delete.
 */
export function WorkflowListView({
  onOpen,
  onCreate,
  onDuplicated,
  title,
  colorMode = 'light',
  className,
}: WorkflowListProps) {
  const { locale } = useI18n();
  const text = useMessages('workflows', enLists.workflows);
  const client = useWorkflowClient();
  const catalog = useMemo(() => new WorkflowCatalog(client), [client]);
  const state = useSyncExternalStore(
    catalog.query.subscribe,
    catalog.query.getSnapshot,
    catalog.query.getSnapshot,
  );
  useEffect(() => {
    if (!catalog.query.started) void catalog.refresh();
  }, [catalog]);
  const workflows = state.data?.workflows ?? [];

  return (
    <section
      className={
        className
          ? `flowloom-root flowloom-workflow-list ${className}`
          : 'flowloom-root flowloom-workflow-list'
      }
      aria-labelledby="flowloom-workflow-list-title"
      aria-busy={state.loading}
      data-color-mode={colorMode}
      lang={locale}
    >
      <header className="flowloom-workflow-list__header">
        <h1 id="flowloom-workflow-list-title" className="flowloom-workflow-list__title">
          {title ?? text.title}
        </h1>
        {onCreate && (
          <button
            type="button"
            className="flowloom-button flowloom-button--primary"
            onClick={onCreate}
          >
            {text.create}
          </button>
        )}
      </header>
      {state.error && (
        <p className="flowloom-workflow-list__error" role="alert">
          {text.failed(state.error.message)}{' '}
          <button type="button" className="flowloom-button" onClick={() => void catalog.refresh()}>
            {text.retry}
          </button>
        </p>
      )}
      {workflows.length === 0 && !state.error ? (
        <p className="flowloom-workflow-list__muted">{state.loading ? text.loading : text.empty}</p>
      ) : (
        <ListTable
          className="flowloom-workflow-list__table"
          caption={text.caption}
          columns={[text.name, text.active, text.lastRun, text.updated]}
          actions={text.actions}
        >
          {workflows.map((workflow) => (
            <WorkflowListRow
              key={workflow.workflow_id}
              workflow={workflow}
              catalog={catalog}
              onOpen={onOpen}
              onDuplicated={onDuplicated}
            />
          ))}
        </ListTable>
      )}
    </section>
  );
}
