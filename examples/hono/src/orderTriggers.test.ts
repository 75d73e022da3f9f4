import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateOrderTriggers } from './orderTriggers';
import { type RunningServer, startServer } from './startServer';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The README's curl call of the webhook: its body, and the answer its comment shows. */
function readmeCurl() {
  const call =
    /curl -X POST "\$WEBHOOK_URL" -H 'content-type: application\/json' -d '(.+)'\n# → (\d+) (.+)\n/.exec(
      README,
    );
  if (!call) throw new Error('The README has no curl call of the webhook');
  return { body: call[1]!, status: Number(call[2]), answer: JSON.parse(call[3]!) };
}

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, hostname: '127.0.0.1', databasePath: ':memory:' });
});

afterAll(async () => {
  await server?.close();
});

describe('the README example of triggers', () => {
  it('activates the webhook and the schedule, naming the URL and the next run', async () => {
    const activation = await activateOrderTriggers(server.workflows, server.url);
    expect(activation).toMatchObject({ active: true, version: 1 });
    const [webhook, schedule] = activation.triggers;
    expect(webhook).toEqual({
      step_id: 'order_in',
      type: 'webhook',
      method: 'POST',
      webhook_url: `${server.url}/api/workflow/webhooks/${activation.workflow_id}/orders`,
    });
    expect(schedule.step_id).toBe('weekdays');
    // 9:00 in Paris is 07:00 or 08:00 UTC, Monday to Friday.
    const next = new Date(schedule.next_run_at);
    expect([7, 8]).toContain(next.getUTCHours());
    expect([1, 2, 3, 4, 5]).toContain(next.getUTCDay());
  });

  it('answers the README’s curl call as the README says', async () => {
    const activation = await activateOrderTriggers(server.workflows, server.url);
    const curl = readmeCurl();
    const response = await fetch(activation.triggers[0].webhook_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: curl.body,
    });
    expect(response.status).toBe(curl.status);
    expect(await response.json()).toEqual(curl.answer);
  });

  it('runs the report branch only when the schedule fires', async () => {
    const activation = await activateOrderTriggers(server.workflows, server.url);
    const { instance, done } = await server.workflows.trigger(activation.workflow_id, 'weekdays', {
      scheduled_at: '2026-03-02T08:00:00.000Z',
      fired_at: '2026-03-02T08:00:00.004Z',
    });
    expect(instance.trigger).toEqual({ type: 'schedule', step_id: 'weekdays' });
    const status = await done;
    expect(status.steps.report?.status).toBe('completed');
    expect(status.steps.reply?.status).toBe('skipped');
  });

  it('is the code the README shows, word for word', () => {
    const source = readFileSync(new URL('./orderTriggers.ts', import.meta.url), 'utf8');
    expect(README).toContain(source.trim());
  });
});
