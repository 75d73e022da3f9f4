import type { WorkflowSummary } from '@flowloom/react';
import { useEffect, useState } from 'react';
import { workflowClient } from './workflowClient';

/** Props of {@link WorkflowList}. */
export interface WorkflowListProps {
  onOpen: (workflowId: string) => void;
  onCreate: () => void;
}

type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; workflows: WorkflowSummary[] };

/** The saved workflows, newest first, with a button for a new one. */
export function WorkflowList({ onOpen, onCreate }: WorkflowListProps) {
  const [state, setState] = useState<ListState>({ status: 'loading' });

  useEffect(() => {
    let active = true;
    workflowClient.listWorkflows().then((result) => {
      if (!active) return;
      setState(
        result.success
          ? { status: 'ready', workflows: result.data.workflows }
          : { status: 'error', message: result.error.message },
      );
    });
    return () => {
      active = false;
    };
  }, []);

  return (
    <main className="quickstart-list">
      <header className="quickstart-list__header">
        <h1>Flowloom quickstart</h1>
        <button type="button" className="quickstart-button" onClick={onCreate}>
          New workflow
        </button>
      </header>
      {state.status === 'loading' && <p className="quickstart-muted">Loading workflows…</p>}
      {state.status === 'error' && (
        <p role="alert" className="quickstart-error">
          Could not load the workflows: {state.message}
        </p>
      )}
      {state.status === 'ready' && state.workflows.length === 0 && (
        <p className="quickstart-muted">No saved workflows yet. Start with “New workflow”.</p>
      )}
      {state.status === 'ready' && state.workflows.length > 0 && (
        <ul className="quickstart-list__items" aria-label="Saved workflows">
          {state.workflows.map((workflow) => (
            <li key={workflow.workflow_id}>
              <button
                type="button"
                className="quickstart-list__item"
                onClick={() => onOpen(workflow.workflow_id)}
              >
                <span className="quickstart-list__name">{workflow.name}</span>
                <span className="quickstart-muted">
                  v{workflow.version} · saved {new Date(workflow.updated_at).toLocaleString()}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
