import { useEffect, useRef, useState } from 'react';
import { EditorPage } from './EditorPage';
import { HomePage } from './HomePage';
import { pageLanguage } from './pageLanguage';
import { routeHash, useHashRoute } from './useHashRoute';

/**
 * The quickstart page: the saved workflows, and the editor for one of them or a new one, in the
 * language `?lang=` asks for (`de`, else English).
 */
export function App() {
  const [route, navigate] = useHashRoute();
  const [{ messages }] = useState(() => pageLanguage());
  // The id a new workflow got when first saved: its route changes, its editor stays mounted.
  const savedNew = useRef<string | null>(null);
  const onList = route.page === 'list';
  useEffect(() => {
    // Opening that workflow from the list later must load it.
    if (onList) savedNew.current = null;
  }, [onList]);

  if (route.page === 'list') {
    return (
      <HomePage
        onOpen={(workflowId) => navigate({ page: 'edit', workflowId })}
        onCreate={() => navigate({ page: 'new' })}
        messages={messages}
      />
    );
  }
  const isSavedNew = route.page === 'edit' && route.workflowId === savedNew.current;
  const workflowId = route.page === 'edit' && !isSavedNew ? route.workflowId : undefined;
  return (
    <EditorPage
      key={workflowId ?? 'new'}
      workflowId={workflowId}
      onBack={() => navigate({ page: 'list' })}
      messages={messages}
      onSaved={(saved) => {
        // A save keeps the workflow; an import in the editor opens another one.
        if (route.page === 'edit' && route.workflowId === saved.workflow_id) return;
        // No hashchange (replaceState): the editor keeps its undo history, and a reload
        // reopens the saved (or imported) workflow.
        savedNew.current = saved.workflow_id;
        window.history.replaceState(
          null,
          '',
          routeHash({ page: 'edit', workflowId: saved.workflow_id }),
        );
      }}
    />
  );
}
