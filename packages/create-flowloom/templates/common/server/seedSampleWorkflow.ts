import type { WorkflowServer } from '@flowloom/server-adapter';

/**
 * Saves a first workflow (Manual Trigger → Greet → Log) when the database holds none, through
 * the API as the editor would.
 */
export async function seedSampleWorkflow(workflows: WorkflowServer): Promise<void> {
  const api = (path: string, init?: RequestInit) =>
    workflows.fetch(new Request(`http://localhost${workflows.basePath}${path}`, init));
  const list = (await (await api('/editor/list')).json()) as { total: number };
  if (list.total > 0) return;
  const saved = await api('/editor/save', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Hello, Flowloom',
      workflow_data: {
        nodes: [
          {
            id: 'start',
            type: 'manual_trigger',
            position: { x: 0, y: 0 },
            data: { parameters: {} },
          },
          {
            id: 'greet',
            type: 'greet',
            position: { x: 280, y: 0 },
            data: { parameters: { name: 'Flowloom', excited: true } },
          },
          {
            id: 'say',
            type: 'log',
            position: { x: 560, y: 0 },
            data: { parameters: { message: '{{ steps.greet.greeting }}' } },
          },
        ],
        edges: [
          { id: 'e1', source: 'start', target: 'greet' },
          { id: 'e2', source: 'greet', target: 'say' },
        ],
      },
    }),
  });
  if (!saved.ok) throw new Error(`Saving the sample workflow failed: ${await saved.text()}`);
}
