import type { WorkflowServer } from '@flowloom/server-adapter';

// An order webhook that answers with what the workflow made of the order, and a report every
// weekday at 9:00 in Paris: one workflow, saved and activated through the API as an editor would.
export async function activateOrderTriggers(workflows: WorkflowServer, origin: string) {
  const post = async (path: string, body?: unknown) => {
    const request = new Request(`${origin}/api/workflow${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await workflows.fetch(request)).json();
  };
  const saved = await post('/editor/save', {
    name: 'Orders',
    workflow_data: {
      nodes: [
        {
          id: 'order_in',
          type: 'webhook_trigger',
          position: { x: 0, y: 0 },
          data: { parameters: { path: '/orders', method: 'POST', respond: 'when_finished' } },
        },
        {
          id: 'reply',
          type: 'respond_to_webhook',
          position: { x: 250, y: 0 },
          data: {
            parameters: {
              status_code: 201,
              body: { order: '{{ input.body.id }}', status: 'accepted' },
            },
          },
        },
        {
          id: 'weekdays',
          type: 'schedule_trigger',
          position: { x: 0, y: 200 },
          data: { parameters: { cron: '0 9 * * 1-5', timezone: 'Europe/Paris' } },
        },
        {
          id: 'report',
          type: 'log',
          position: { x: 250, y: 200 },
          data: { parameters: { message: 'Orders report for {{ input.scheduled_at }}' } },
        },
      ],
      edges: [
        { id: 'e1', source: 'order_in', target: 'reply' },
        { id: 'e2', source: 'weekdays', target: 'report' },
      ],
    },
  });
  // { workflow_id, active: true, version: 1, triggers: [
  //   { step_id: 'order_in', type: 'webhook', method: 'POST', webhook_url: '<origin>/api/workflow/webhooks/<id>/orders' },
  //   { step_id: 'weekdays', type: 'schedule', next_run_at: '<the next weekday, 9:00 in Paris>' } ] }
  return post(`/workflows/${saved.workflow_id}/activate`);
}
