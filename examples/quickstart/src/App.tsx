import { useEffect, useRef } from 'react';
import { EditorPage } from './EditorPage';
import { routeHash, useHashRoute } from './useHashRoute';
import { WorkflowList } from './WorkflowList';

/** The quickstart page: the saved workflows, and the editor for one of them or a new one. */
export function App() {
  const [route, navigate] = useHashRoute();
  // The id a new workflow got when first saved: its route changes, its editor stays mounted.
  const savedNew = useRef<string | null>(null);
  const onList = route.page === 'list';
  useEffect(() => {
    // Opening that workflow from the list later must load it.
    if (onList) savedNew.current = null;
  }, [onList]);

  if (route.page === 'list') {
    return (
      <WorkflowList
        onOpen={(workflowId) => navigate({ page: 'edit', workflowId })}
        onCreate={() => navigate({ page: 'new' })}
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
