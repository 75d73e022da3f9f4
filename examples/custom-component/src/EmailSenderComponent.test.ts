import type { AddressInfo } from 'node:net';
import {
  builtinComponents,
  ComponentRegistry,
  ExecutionEngine,
  type WorkflowDataInput,
} from '@flowloom/core';
import { createTestContext } from '@flowloom/core/testing';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmailSenderComponent } from './createEmailSenderComponent';

/** A message as the SMTP server received it. */
interface ReceivedMail {
  from: string | undefined;
  to: string[];
  raw: string;
}

const REJECTED_DOMAIN = 'rejected.example';
const received: ReceivedMail[] = [];
let smtp: SMTPServer;
let port: number;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: nodemailer would otherwise upgrade to the server's self-signed TLS.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith(`@${REJECTED_DOMAIN}`)) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          from: mailFrom ? mailFrom.address : undefined,
          to: rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
});

/** A fresh registry with the built-ins and an EmailSender bound to the test's SMTP server. */
function makeEngine() {
  const registry = new ComponentRegistry({ components: builtinComponents });
  registry.registerComponent(
    createEmailSenderComponent({
      smtp: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
      from: 'Flowloom <flowloom@example.com>',
    }),
  );
  return { registry, engine: new ExecutionEngine({ registry }) };
}

const node = (id: string, type: string, x: number, parameters: Record<string, unknown> = {}) => ({
  id,
  type,
  position: { x, y: 0 },
  data: { parameters },
});

/** manual_trigger → email_sender → log on `success`, log on `error`. */
const WORKFLOW: WorkflowDataInput = {
  nodes: [
    node('start', 'manual_trigger', 0),
    node('send', 'email_sender', 250, {
      to_email: '{{ input.to }}',
      subject: 'Order {{ input.order }} shipped',
      body: 'Hello {{ input.name }}, your order {{ input.order }} is on its way.',
    }),
    node('sent', 'log', 500, { message: 'Sent {{ steps.send.message_id }}' }),
    node('failed', 'log', 500, {
      message: 'Not sent: {{ steps.send.error.code }}',
      level: 'error',
    }),
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'send' },
    { id: 'e2', source: 'send', sourceHandle: 'success', target: 'sent' },
    { id: 'e3', source: 'send', sourceHandle: 'error', target: 'failed' },
  ],
};

async function runWorkflow(input: Record<string, unknown>) {
  const { engine } = makeEngine();
  const instance = await engine.createInstance({ name: 'Send mail', workflow_data: WORKFLOW });
  const status = await engine.executeWorkflow(instance.instance_id, input);
  const logs = await engine.store.listLogs(instance.instance_id);
  await engine.close();
  return { status, logs: logs.filter((log) => log.step_id === 'sent' || log.step_id === 'failed') };
}

describe('EmailSenderComponent in a workflow, against a real SMTP server', () => {
  it('delivers the mail with the resolved recipient, subject and body, then runs the success branch', async () => {
    const { status, logs } = await runWorkflow({ to: 'ada@example.com', name: 'Ada', order: 7 });

    expect(status.status).toBe('completed');
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.from).toBe('flowloom@example.com');
    expect(mail?.to).toEqual(['ada@example.com']);
    expect(mail?.raw).toMatch(/^To: ada@example\.com\r$/m);
    expect(mail?.raw).toMatch(/^Subject: Order 7 shipped\r$/m);
    expect(mail?.raw).toContain('\r\n\r\nHello Ada, your order 7 is on its way.');

    const output = status.steps.send?.output_data as Record<string, unknown>;
    expect(output).toEqual({
      message_id: expect.stringMatching(/^<.+@.+>$/),
      accepted: ['ada@example.com'],
      rejected: [],
    });
    expect(mail?.raw).toContain(`Message-ID: ${output.message_id}`);
    expect(status.steps.send?.output_handles).toEqual(['success']);
    expect(status.steps.sent?.status).toBe('completed');
    expect(status.steps.failed?.status).toBe('skipped');
    expect(logs.map((log) => log.message)).toEqual([`Sent ${output.message_id}`]);
  });

  it('takes the error handle for a bad address given at run time, and sends nothing', async () => {
    const { status, logs } = await runWorkflow({ to: 'not-an-address', name: 'Ada', order: 7 });

    expect(status.status).toBe('completed');
    expect(received).toEqual([]);
    expect(status.steps.send?.status).toBe('failed');
    expect(status.steps.send?.output_handles).toEqual(['error']);
    // The engine re-checks resolved values with the component's validateParameters before
    // execute(), so the failure is the engine's INVALID_PARAMETERS carrying the component's message.
    expect(status.steps.send?.error).toMatchObject({
      code: 'INVALID_PARAMETERS',
      message: expect.stringContaining('To Email "not-an-address" is not one email address'),
    });
    expect(status.steps.sent?.status).toBe('skipped');
    expect(status.steps.failed?.status).toBe('completed');
    expect(logs.map((log) => [log.level, log.message])).toEqual([
      ['error', 'Not sent: INVALID_PARAMETERS'],
    ]);
  });

  it('takes the error handle with SMTP_ERROR when the SMTP server refuses the recipient', async () => {
    const to = `ada@${REJECTED_DOMAIN}`;
    const { status, logs } = await runWorkflow({ to, name: 'Ada', order: 7 });

    expect(status.status).toBe('completed');
    expect(received).toEqual([]);
    expect(status.steps.send?.error).toMatchObject({
      code: 'SMTP_ERROR',
      message: expect.stringContaining('Mailbox unavailable'),
    });
    expect(status.steps.send?.output_handles).toEqual(['error']);
    expect(status.steps.sent?.status).toBe('skipped');
    expect(logs.map((log) => log.message)).toEqual(['Not sent: SMTP_ERROR']);
  });

  it('fails with SMTP_ERROR when nothing listens on the SMTP port', async () => {
    const Unreachable = createEmailSenderComponent({
      smtp: { host: '127.0.0.1', port: 1, connectionTimeout: 2_000 },
      from: 'flowloom@example.com',
    });
    const result = await new Unreachable().execute(
      createTestContext({ input_data: { to_email: 'ada@example.com', subject: 'Hi', body: 'Hi' } }),
    );
    expect(result).toMatchObject({ success: false, error: { code: 'SMTP_ERROR' } });
  });
});

describe('EmailSenderComponent on its own', () => {
  it('reads back from the registry with the seed metadata', () => {
    const { registry } = makeEngine();
    expect(registry.getComponent('email_sender')).toEqual({
      type: 'email_sender',
      name: 'Email Sender',
      description: 'Send emails with templates',
      category: 'output_actions',
      icon: 'EnvelopeIcon',
      color: 'from-purple-500 via-purple-600 to-indigo-600',
      version: '1.0.0',
      parameters: [
        {
          name: 'to_email',
          label: 'To Email',
          type: 'string',
          required: true,
          description: 'Recipient email address',
        },
        {
          name: 'subject',
          label: 'Subject',
          type: 'string',
          required: true,
          description: 'Email subject line',
        },
        {
          name: 'body',
          label: 'Email Body',
          type: 'textarea',
          required: true,
          description: 'Email content',
        },
      ],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [
        { id: 'success', type: 'source', position: 'right', label: 'Success' },
        { id: 'error', type: 'source', position: 'bottom', label: 'Error' },
      ],
    });
  });

  it('flags a clearly invalid address at design time and lets an expression through', () => {
    const { registry } = makeEngine();
    const values = { subject: 'Hi', body: 'Hello' };
    expect(
      registry.validateParameters('email_sender', { ...values, to_email: 'not-an-address' }),
    ).toEqual([
      {
        parameter: 'to_email',
        code: 'INVALID_PARAMETER_VALUE',
        message: 'To Email "not-an-address" is not one email address like name@example.com',
      },
    ]);
    for (const to_email of ['ada@example.com', 'root@localhost', '{{ input.to }}']) {
      expect(registry.validateParameters('email_sender', { ...values, to_email })).toEqual([]);
    }
    for (const to_email of ['a b@example.com', 'a@example.com, b@example.com', '@example.com']) {
      expect(registry.validateParameters('email_sender', { ...values, to_email })).toHaveLength(1);
    }
  });

  it('returns INVALID_ADDRESS from execute() for a bad address, without connecting', async () => {
    const Sender = createEmailSenderComponent({
      smtp: { host: '127.0.0.1', port },
      from: 'flowloom@example.com',
    });
    const result = await new Sender().execute(
      createTestContext({ input_data: { to_email: 'not-an-address', subject: 'Hi', body: 'Hi' } }),
    );
    expect(result).toEqual({
      success: false,
      error: {
        code: 'INVALID_ADDRESS',
        message: 'To Email "not-an-address" is not one email address like name@example.com',
      },
    });
    expect(received).toEqual([]);
  });
});
