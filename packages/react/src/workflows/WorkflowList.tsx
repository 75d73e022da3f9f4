import { Suspense } from 'react';
import { enCore } from '../i18n/enCore';
import { I18nProvider } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { lazyWorkbenchPart } from '../workbench/lazyWorkbenchPart';
import type { WorkflowListProps } from './WorkflowListView';

export type { WorkflowListProps } from './WorkflowListView';

const WorkflowListView = lazyWorkbenchPart('WorkflowListView');

/**
 * The saved workflows (`GET /editor/list`), each with its name (click to open), an Active
 * switch (`POST /workflows/{id}/activate|deactivate`: its webhook and schedule triggers start
 * runs), its last run's status, when it was last saved, and Duplicate, Export (a
 * `<name>.flowloom.json` download) and Delete (confirmed in the row). A home page for hosts.
 *
 * @remarks Loaded on demand with the rest of the run workbench: it shows "Loading workflows…"
 * for the first moment. Import `@flowloom/react/styles.css`; the root is a `.flowloom-root`.
 * @example
 * <WorkflowList onOpen={(id) => navigate(`/workflows/${id}`)} onCreate={() => navigate('/new')} />
 */
export function WorkflowList({ messages, locale, ...props }: WorkflowListProps) {
  return (
    <I18nProvider messages={messages} locale={locale}>
      <WorkflowListLoading {...props} />
    </I18nProvider>
  );
}

/** The WorkflowList once its language is set: the part itself, or its words while it loads. */
function WorkflowListLoading(props: Omit<WorkflowListProps, 'messages' | 'locale'>) {
  const { locale } = useI18n();
  const commonWords = useMessages('common', enCore.common);
  return (
    <Suspense
      fallback={
        <section
          className="flowloom-root flowloom-workflow-list"
          aria-busy="true"
          lang={locale}
          data-color-mode={props.colorMode ?? 'light'}
        >
          <p className="flowloom-workflow-list__muted">{commonWords.loading}</p>
        </section>
      }
    >
      <WorkflowListView {...props} />
    </Suspense>
  );
}
