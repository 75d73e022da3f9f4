import { ExecutionEventSchema } from '@flowloom/core';
import type { OpenApiOptions } from './openApiOptions';
import { toJson } from './openApiSchemas';

/** Options of {@link buildAsyncApiDocument}. */
export interface BuildAsyncApiOptions extends Pick<OpenApiOptions, 'servers' | 'info'> {
  /** Whether the server runs without `authenticate` (the socket then takes no token). */
  open?: boolean;
}

/** One event type's JSON Schema, as zod writes it. */
interface EventSchema {
  description?: string;
  properties: { event_type: { const: string } };
}

/** `execution_started` → `ExecutionStartedEvent`. */
const schemaNameOf = (eventType: string) =>
  `${eventType.replace(/(^|_)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}Event`;

/**
 * The WebSocket as an AsyncAPI 3 document: one channel per instance
 * (`{basePath}/ws/{instance_id}`, with its `since` and `token` query parameters), on which the
 * server sends each `ExecutionEvent` (one message per event type) and answers the text `ping`
 * with `{"type":"pong"}`.
 */
export function buildAsyncApiDocument(
  basePath: string,
  options: BuildAsyncApiOptions = {},
): Record<string, unknown> {
  const events = toJson(ExecutionEventSchema, 'output') as unknown as { oneOf: EventSchema[] };
  const eventSchemas = Object.fromEntries(
    events.oneOf.map((schema) => [schemaNameOf(schema.properties.event_type.const), schema]),
  );
  const messages = Object.fromEntries(
    Object.entries(eventSchemas).map(([name, schema]) => [
      name,
      {
        name: schema.properties.event_type.const,
        title: schema.properties.event_type.const,
        summary: schema.description ?? `The ${schema.properties.event_type.const} event`,
        contentType: 'application/json',
        payload: { $ref: `#/components/schemas/${name}` },
      },
    ]),
  );
  const channelMessages = Object.fromEntries(
    Object.keys(messages).map((name) => [name, { $ref: `#/components/messages/${name}` }]),
  );
  const servers = (options.servers ?? [{ url: 'http://localhost' }]).map((server) => {
    const url = new URL(server.url);
    return {
      host: url.host,
      protocol: url.protocol === 'https:' ? 'wss' : 'ws',
      ...(url.pathname !== '/' ? { pathname: url.pathname.replace(/\/$/, '') } : {}),
      ...(server.description ? { description: server.description } : {}),
      security: options.open ? [] : [{ $ref: '#/components/securitySchemes/queryToken' }],
    };
  });
  return {
    asyncapi: '3.0.0',
    info: {
      title: `${options.info?.title ?? 'Flowloom workflow API'}: execution events`,
      version: options.info?.version ?? '1.0.0',
      description:
        'A client opens the WebSocket of one instance and receives its execution events, one JSON object per text message, in seq order: first every stored event after since, then live ones as they are stored. After a reconnect it passes the last seq it saw as since and receives exactly what it missed. The upgrade is checked like an HTTP request (origin, user, owner, rate limit) and against the open sockets (limits.maxWebSocketsPerUser, limits.maxWebSockets): a refusal is a plain HTTP answer in the API error format (400, 401, 403, 404, 421, 429 RATE_LIMITED or TOO_MANY_CONNECTIONS). A socket past a limit once attached (upgrades that raced) is closed with 1008.',
      // AsyncAPI's license has no `identifier`: a URL names it.
      license: asyncLicense(options.info?.license),
    },
    defaultContentType: 'application/json',
    servers: Object.fromEntries(servers.map((server, index) => [`api${index || ''}`, server])),
    channels: {
      instanceEvents: {
        address: `${basePath}/ws/{instance_id}`,
        title: 'The execution events of one instance',
        parameters: { instance_id: { description: 'The instance to follow' } },
        messages: {
          ...channelMessages,
          ping: { $ref: '#/components/messages/ping' },
          pong: { $ref: '#/components/messages/pong' },
        },
        bindings: {
          ws: {
            method: 'GET',
            query: {
              type: 'object',
              properties: {
                since: {
                  type: 'integer',
                  minimum: 0,
                  default: 0,
                  description: 'Send only the events with a greater seq (the last one seen)',
                },
                token: {
                  type: 'string',
                  description:
                    'A bearer token for browsers, which cannot set headers on a WebSocket: it reaches authenticate as Authorization: Bearer <token>',
                },
              },
            },
            bindingVersion: '0.1.0',
          },
        },
      },
    },
    operations: {
      sendExecutionEvents: {
        action: 'send',
        title: 'Execution events, in seq order',
        channel: { $ref: '#/channels/instanceEvents' },
        messages: Object.keys(messages).map((name) => ({
          $ref: `#/channels/instanceEvents/messages/${name}`,
        })),
      },
      receivePing: {
        action: 'receive',
        title: 'An application-level ping, for clients that cannot answer protocol pings',
        channel: { $ref: '#/channels/instanceEvents' },
        messages: [{ $ref: '#/channels/instanceEvents/messages/ping' }],
        reply: {
          channel: { $ref: '#/channels/instanceEvents' },
          messages: [{ $ref: '#/channels/instanceEvents/messages/pong' }],
        },
      },
    },
    components: {
      schemas: {
        ExecutionEvent: {
          oneOf: Object.keys(eventSchemas).map((name) => ({
            $ref: `#/components/schemas/${name}`,
          })),
        },
        ...eventSchemas,
      },
      messages: {
        ...messages,
        ping: {
          name: 'ping',
          title: 'ping',
          summary: 'The text ping',
          contentType: 'text/plain',
          payload: { type: 'string', const: 'ping' },
        },
        pong: {
          name: 'pong',
          title: 'pong',
          summary: 'The answer to ping',
          payload: {
            type: 'object',
            properties: { type: { type: 'string', const: 'pong' } },
            required: ['type'],
          },
        },
      },
      ...(options.open
        ? {}
        : {
            securitySchemes: {
              queryToken: {
                type: 'httpApiKey',
                in: 'query',
                name: 'token',
                description:
                  'The token the host’s authenticate hook reads (an Authorization: Bearer header works as well)',
              },
            },
          }),
    },
  };
}

function asyncLicense(license: { name: string; identifier?: string; url?: string } | undefined) {
  if (!license) return { name: 'MIT', url: 'https://opensource.org/license/mit' };
  return { name: license.name, ...(license.url ? { url: license.url } : {}) };
}
