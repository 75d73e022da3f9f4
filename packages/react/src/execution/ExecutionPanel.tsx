import { Suspense } from 'react';
import { enCore } from '../i18n/enCore';
import { I18nProvider } from '../i18n/I18nProvider';
import { useI18n } from '../i18n/useI18n';
import { useMessages } from '../i18n/useMessages';
import { lazyWorkbenchPart } from '../workbench/lazyWorkbenchPart';
import type { ExecutionPanelProps } from './RunPanel';

export type { ExecutionPanelProps } from './RunPanel';

const RunPanel = lazyWorkbenchPart('RunPanel');

/**
 * Follows one instance's run live: connection, status, progress, elapsed time, Stop and "Retry
 * from failed step", waiting steps to approve, related runs, and the events and logs
 * (virtualised). The Step data tab shows what a step received and returned (inside an editor,
 * the node selected on the canvas) as JSON trees, and the History tab the workflow's runs: open
 * one to see it, with a timeline that replays the run (and, inside an editor, its canvas) event
 * by event.
 *
 * @remarks Loaded on demand with the rest of the run workbench (its own chunk): it shows
 * "Loading…" for the first moment.
 * @example
 * <WorkflowProvider client={client}>
 *   <ExecutionPanel instanceId={instanceId} onClose={() => setOpen(false)} />
 * </WorkflowProvider>
 */
export function ExecutionPanel({ messages, locale, ...props }: ExecutionPanelProps) {
  return (
    <I18nProvider messages={messages} locale={locale}>
      <ExecutionPanelLoading {...props} />
    </I18nProvider>
  );
}

/** The ExecutionPanel once its language is set: the part itself, or its words while it loads. */
function ExecutionPanelLoading(props: Omit<ExecutionPanelProps, 'messages' | 'locale'>) {
  const { locale } = useI18n();
  const commonWords = useMessages('common', enCore.common);
  return (
    <Suspense
      fallback={
        <div className="flowloom-execution-panel" aria-busy="true" lang={locale}>
          <p className="flowloom-execution-panel__none">{commonWords.loading}</p>
        </div>
      }
    >
      <RunPanel {...props} />
    </Suspense>
  );
}
