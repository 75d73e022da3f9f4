import { createWorkflowClient, WorkflowEditor, WorkflowProvider } from '@flowloom/react';
import { useEffect, useState } from 'react';

// The API is on this page's origin: Vite proxies /api to the API server in development, and
// `npm start` serves the page and the API together.
const client = createWorkflowClient({ baseUrl: '/api/workflow' });

/** The editor, opened on the most recently saved workflow (the sample, on a fresh database). */
export function App() {
  // undefined while the list loads; null when there is no saved workflow (a new one opens).
  const [workflowId, setWorkflowId] = useState<string | null>();

  useEffect(() => {
    void client.listWorkflows().then((answer) => {
      setWorkflowId(answer.success ? (answer.data.workflows[0]?.workflow_id ?? null) : null);
    });
  }, []);

  if (workflowId === undefined) return null;
  return (
    <WorkflowProvider client={client}>
      <main className="app">
        <WorkflowEditor workflowId={workflowId ?? undefined} colorMode="system" />
      </main>
    </WorkflowProvider>
  );
}
