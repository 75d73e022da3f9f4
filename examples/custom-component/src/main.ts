import { componentRegistry, ExecutionEngine } from '@flowloom/core';
import { createEmailSenderComponent } from './createEmailSenderComponent';
import { smtpSettingsFromEnv } from './smtpSettingsFromEnv';

// 1. Bind the component to the host's SMTP settings and register it next to the built-ins.
const settings = smtpSettingsFromEnv();
componentRegistry.registerComponent(createEmailSenderComponent(settings));

// 2. manual_trigger → email_sender → log on success, log on error.
const engine = new ExecutionEngine();
const node = (id: string, type: string, x: number, parameters: Record<string, unknown> = {}) => ({
  id,
  type,
  position: { x, y: 0 },
  data: { parameters },
});
const instance = await engine.createInstance({
  name: 'Send a test mail',
  workflow_data: {
    nodes: [
      node('start', 'manual_trigger', 0),
      node('send', 'email_sender', 250, {
        to_email: '{{ input.to }}',
        subject: 'Hello from Flowloom',
        body: 'This mail was sent by the workflow "{{ input.workflow }}".',
      }),
      node('sent', 'log', 500, { message: 'Sent {{ steps.send.message_id }}' }),
      node('failed', 'log', 500, {
        message: 'Not sent ({{ steps.send.error.code }}): {{ steps.send.error.message }}',
        level: 'error',
      }),
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'send' },
      { id: 'e2', source: 'send', sourceHandle: 'success', target: 'sent' },
      { id: 'e3', source: 'send', sourceHandle: 'error', target: 'failed' },
    ],
  },
});

// 3. Run it and print what happened.
const to = process.argv[2] ?? process.env.MAIL_TO ?? 'you@example.com';
const smtp =
  typeof settings.smtp === 'string' ? settings.smtp : `${settings.smtp.host}:${settings.smtp.port}`;
console.log(`Sending a test mail to ${to} through ${smtp} ...`);
const status = await engine.executeWorkflow(instance.instance_id, {
  to,
  workflow: 'Send a test mail',
});
for (const log of await engine.store.listLogs(instance.instance_id)) {
  console.log(`[${log.level}] ${log.step_id ?? 'engine'}: ${log.message}`);
}
const send = status.steps.send;
console.log(
  `email_sender ${send?.status} →`,
  send?.status === 'completed' ? send.output_data : send?.error,
);
await engine.close();
process.exitCode = send?.status === 'completed' ? 0 : 1;
