import { Suspense } from 'react';
import { enCore } from '../i18n/enCore';
import { I18nProvider } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { lazyWorkbenchPart } from '../workbench/lazyWorkbenchPart';
import type { RunHistoryProps } from './RunHistoryTable';

export type { RunHistoryProps } from './RunHistoryTable';

const RunHistoryTable = lazyWorkbenchPart('RunHistoryTable');

/**
 * A workflow's runs from `GET /instances?workflow_id=`, newest first and a page at a time (by
 * cursor, so runs started meanwhile never shift a page): status, trigger, start, duration and
 * version, each with Open. Inside `<WorkflowEditor>` it is the execution panel's History tab,
 * where Open shows the run on the canvas with a timeline that replays it.
 *
 * @remarks Loaded on demand with the rest of the run workbench: it shows "Loading runs…" for
 * the first moment.
 * @example
 * <RunHistory workflowId={id} onOpenRun={(instanceId) => navigate(`/runs/${instanceId}`)} />
 */
export function RunHistory({ messages, locale, ...props }: RunHistoryProps) {
  return (
    <I18nProvider messages={messages} locale={locale}>
      <RunHistoryLoading {...props} />
    </I18nProvider>
  );
}

/** The RunHistory once its language is set: the part itself, or its words while it loads. */
function RunHistoryLoading(props: Omit<RunHistoryProps, 'messages' | 'locale'>) {
  const { locale } = useI18n();
  const commonWords = useMessages('common', enCore.common);
  return (
    <Suspense
      fallback={
        <div className="flowloom-run-history" aria-busy="true" lang={locale}>
          <p className="flowloom-run-history__empty">{commonWords.loading}</p>
        </div>
      }
    >
      <RunHistoryTable {...props} />
    </Suspense>
  );
}
