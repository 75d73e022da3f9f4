import { ExecutionEventSchema } from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BASE_PATH,
  closeTestServers,
  createInstanceVia,
  createTestServer,
  executeVia,
  type Json,
  logWorkflow,
  waitForFinalStatus,
} from '../http/testServer.test-helpers';
import { buildAsyncApiDocument } from './buildAsyncApiDocument';
import { createDocumentValidator } from './conformance/documentValidator.test-helpers';

afterEach(closeTestServers);

describe('buildAsyncApiDocument', () => {
  const document: Json = buildAsyncApiDocument(BASE_PATH, {
    servers: [{ url: 'https://api.example.com' }],
  });

  it('is an AsyncAPI 3 document with a license', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(document.info.license.name).toBe('MIT');
  });

  it('describes one channel per instance, with its since and token query parameters', () => {
    const channel = document.channels.instanceEvents;
    expect(channel.address).toBe(`${BASE_PATH}/ws/{instance_id}`);
    expect(Object.keys(channel.parameters)).toEqual(['instance_id']);
    expect(Object.keys(channel.bindings.ws.query.properties)).toEqual(['since', 'token']);
    expect(channel.bindings.ws.query.properties.since).toMatchObject({
      type: 'integer',
      minimum: 0,
    });
  });

  it('has a message per execution event type, sent by the server', () => {
    const eventTypes = ExecutionEventSchema.options.map(
      (option) => option.shape.event_type.value as string,
    );
    const names = Object.values<Json>(document.components.messages).map((message) => message.name);
    expect(names).toEqual(expect.arrayContaining(eventTypes));
    expect(document.operations.sendExecutionEvents.action).toBe('send');
    expect(document.operations.sendExecutionEvents.messages).toHaveLength(eventTypes.length);
    expect(document.operations.receivePing.reply.messages).toEqual([
      { $ref: '#/channels/instanceEvents/messages/pong' },
    ]);
  });

  it('names a wss server for an https origin, secured by the query token unless open', () => {
    expect(document.servers.api).toMatchObject({ host: 'api.example.com', protocol: 'wss' });
    expect(document.servers.api.security).toEqual([
      { $ref: '#/components/securitySchemes/queryToken' },
    ]);
    expect(document.components.securitySchemes.queryToken).toMatchObject({
      type: 'httpApiKey',
      in: 'query',
      name: 'token',
    });
    const open: Json = buildAsyncApiDocument(BASE_PATH, { open: true });
    expect(open.servers.api.security).toEqual([]);
    expect(open.components.securitySchemes).toBeUndefined();
  });

  it('validates the events of a real run against the documented messages', async () => {
    const t = createTestServer();
    const instance = await createInstanceVia(t, logWorkflow());
    await executeVia(t, instance.instance_id);
    await waitForFinalStatus(t, instance.instance_id);
    const events = await t.server.store.listEvents(instance.instance_id, {});
    expect(events.length).toBeGreaterThan(2);
    const validator = createDocumentValidator(document);
    const schema = { $ref: '#/components/schemas/ExecutionEvent' };
    for (const event of events) {
      expect(
        validator.problems(schema, JSON.parse(JSON.stringify(event))),
        event.event_type,
      ).toEqual([]);
    }
  });
});
