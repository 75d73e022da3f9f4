// @vitest-environment node
import type { ExecutionEvent } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import type { ClientError, WorkflowClient } from './clientTypes';
import { logWorkflow, startTestServer } from './workflowTestServer.test-helpers';

const subscriptions: Array<() => void> = [];
afterEach(() => {
  for (const unsubscribe of subscriptions.splice(0)) unsubscribe();
});

/** Subscribes and records what arrives. */
function watch(client: WorkflowClient, instanceId: string, since?: number) {
  const events: ExecutionEvent[] = [];
  const connection: boolean[] = [];
  const errors: ClientError[] = [];
  const unsubscribe = client.subscribe(instanceId, (event) => events.push(event), {
    since,
    onConnectionChange: (connected) => connection.push(connected),
    onError: (error) => errors.push(error),
  });
  subscriptions.push(unsubscribe);
  const waitFor = (what: (event: ExecutionEvent) => boolean) =>
    vi.waitFor(() => expect(events.some(what)).toBe(true), { timeout: 5_000, interval: 5 });
  return { events, connection, errors, unsubscribe, waitFor };
}

const seqsOf = (events: ExecutionEvent[]) => events.map((event) => event.seq);
const isEnd = (event: ExecutionEvent) => event.event_type === 'execution_completed';

async function createInstance(client: WorkflowClient, delaysMs?: number[]): Promise<string> {
  const created = await client.createInstance({
    name: 'Live',
    workflow_data: logWorkflow(delaysMs),
  });
  if (!created.success) throw new Error(created.error.message);
  return created.data.instance_id;
}

describe('client.subscribe against a real server', () => {
  it('streams every event of a run in seq order and reports the connection', async () => {
    const server = await startTestServer();
    const client = server.client();
    const id = await createInstance(client);
    const watched = watch(client, id);
    await vi.waitFor(() => expect(watched.connection).toEqual([true]));
    await client.executeInstance(id);
    await watched.waitFor(isEnd);
    expect(watched.events).toEqual(await server.workflows.store.listEvents(id));
    expect(watched.events[0]?.event_type).toBe('execution_started');
  });

  it('starts after since: only the later stored events arrive', async () => {
    const server = await startTestServer();
    const client = server.client();
    const id = await createInstance(client);
    await client.executeInstance(id);
    await vi.waitFor(async () =>
      expect(await client.getStatus(id)).toMatchObject({ data: { status: 'completed' } }),
    );
    const stored = await server.workflows.store.listEvents(id);
    const watched = watch(client, id, 3);
    await watched.waitFor(isEnd);
    expect(watched.events).toEqual(stored.slice(3));
    expect(server.upgradeUrls[0]).toContain('since=3');
  });

  it('sends the token as ?token= so the authenticate hook accepts the socket', async () => {
    const server = await startTestServer({
      authenticate: (request) =>
        request.headers.get('authorization') === 'Bearer secret' ? { id: 'ada' } : null,
    });
    const client = server.client({ getToken: () => 'secret' });
    const id = await createInstance(client);
    const watched = watch(client, id);
    await vi.waitFor(() => expect(watched.connection).toEqual([true]));
    expect(server.upgradeUrls[0]).toContain('token=secret');
    await client.executeInstance(id);
    await watched.waitFor(isEnd);
  });

  it('ends with onError 401 when the server refuses the socket for want of a token', async () => {
    const server = await startTestServer({
      authenticate: (request) =>
        request.headers.get('authorization') === 'Bearer secret' ? { id: 'ada' } : null,
    });
    const id = await createInstance(server.client({ getToken: () => 'secret' }));
    const watched = watch(server.client(), id);
    await vi.waitFor(() => expect(watched.errors).toHaveLength(1));
    expect(watched.errors[0]).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.upgradeUrls).toHaveLength(1);
    expect(watched.connection).toEqual([]);
  });

  it('ends with onError 404 for an unknown instance instead of retrying forever', async () => {
    const server = await startTestServer();
    const watched = watch(server.client(), 'inst_missing');
    await vi.waitFor(() => expect(watched.errors).toHaveLength(1));
    expect(watched.errors[0]).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.upgradeUrls).toHaveLength(1);
  });

  it('closes the socket when unsubscribed and calls nothing afterwards', async () => {
    const server = await startTestServer();
    const client = server.client();
    const id = await createInstance(client);
    const watched = watch(client, id);
    await vi.waitFor(() => expect(server.workflows.hub.connectionCount).toBe(1));
    watched.unsubscribe();
    await vi.waitFor(() => expect(server.workflows.hub.connectionCount).toBe(0));
    await client.executeInstance(id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watched.events).toEqual([]);
    expect(watched.connection).toEqual([true]);
    expect(server.upgradeUrls).toHaveLength(1);
  });

  it('reconnects after a dropped socket mid-run with since and ends with every event exactly once', async () => {
    const server = await startTestServer();
    const opened: Array<{ url: string; lastSeen: number }> = [];
    const events: ExecutionEvent[] = [];
    // Records each socket the client opens and the last seq it had seen at that moment.
    class RecordingWebSocket extends NodeWebSocket {
      constructor(url: string) {
        super(url);
        opened.push({ url, lastSeen: events.at(-1)?.seq ?? 0 });
      }
    }
    const client = server.client({
      WebSocket: RecordingWebSocket,
      reconnectDelayMs: 200,
    });
    // The second line is logged while the client is away; the third after it is back.
    const id = await createInstance(client, [60, 400]);
    const connection: boolean[] = [];
    subscriptions.push(
      client.subscribe(id, (event) => events.push(event), {
        onConnectionChange: (connected) => connection.push(connected),
      }),
    );
    await vi.waitFor(() => expect(connection).toEqual([true]));
    await client.executeInstance(id);
    await vi.waitFor(() => expect(events.some((event) => event.event_type === 'log')).toBe(true), {
      interval: 1,
    });
    server.dropSockets();
    const seenAtDrop = events.length;

    await vi.waitFor(() => expect(events.some(isEnd)).toBe(true), { timeout: 5_000 });
    const stored = await server.workflows.store.listEvents(id);
    expect(events).toEqual(stored);
    expect(seqsOf(events)).toEqual(stored.map((_, index) => index + 1));
    expect(connection).toEqual([true, false, true]);
    expect(opened).toHaveLength(2);
    expect(new URL(opened[1]!.url).searchParams.get('since')).toBe(String(opened[1]!.lastSeen));
    // Mid-run: the run was not over at the drop, and the second line came after it.
    expect(seenAtDrop).toBeLessThan(stored.length);
    expect(events.slice(0, seenAtDrop).some(isEnd)).toBe(false);
    const secondLine = events.find(
      (event) => event.step_id === 'second' && event.event_type === 'log',
    );
    expect(secondLine!.seq).toBeGreaterThan(opened[1]!.lastSeen);
  });
});
