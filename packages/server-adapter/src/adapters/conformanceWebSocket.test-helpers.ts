import { describe, expect, it } from 'vitest';
import type { ConformanceContext } from './conformance.test-helpers';
import {
  call,
  range,
  rawExchange,
  usersFromHeaders,
  type WatchedSocket,
  within,
} from './conformanceClient.test-helpers';

/** Runs followed over the WebSocket: order, `since`, several clients, ping, stop. */
export function describeWebSocketRuns({ launch, connect }: ConformanceContext): void {
  describe('a run followed over the WebSocket', () => {
    it('streams every event in seq order, then answers status completed and both log lines', async () => {
      const { api, wsUrl, createInstance } = await launch();
      const id = await createInstance();
      const watcher = connect(wsUrl(id));
      await watcher.opened;

      const executed = await call('POST', `${api}/instances/${id}/execute`, {
        json: { input_data: { order: 7 } },
      });
      expect(executed.status).toBe(202);
      expect(executed.body).toEqual({ instance_id: id, status: 'running' });

      await watcher.waitForEnd();
      const events = watcher.events;
      expect(watcher.seqs).toEqual(range(1, events.length));
      expect(events[0]?.event_type).toBe('execution_started');
      expect(events.at(-1)?.event_type).toBe('execution_completed');
      expect(events.every((event) => event.instance_id === id)).toBe(true);
      expect(
        events.filter((event) => event.event_type === 'step_completed').map((e) => e.step_id),
      ).toEqual(['start', 'first', 'wait', 'second']);

      const status = await call('GET', `${api}/instances/${id}/status`);
      expect(status.status).toBe(200);
      expect(status.body).toMatchObject({
        instance_id: id,
        status: 'completed',
        progress: { completed: 4, total: 4 },
      });
      const logs = await call('GET', `${api}/instances/${id}/logs`);
      expect(logs.status).toBe(200);
      expect(logs.body.logs.map((log: { message: string }) => log.message)).toEqual([
        'first line',
        'second line',
      ]);
    });

    it('sends exactly the events after since to a client reconnecting mid-run', async () => {
      const { server, api, wsUrl, createInstance } = await launch();
      const id = await createInstance({}, 200);
      const first = connect(wsUrl(id));
      await first.opened;
      await call('POST', `${api}/instances/${id}/execute`, { json: {} });
      await first.waitFor('the first log line', (watched) =>
        watched.events.some((event) => event.event_type === 'log'),
      );
      const since = first.events.find((event) => event.event_type === 'log')!.seq;
      first.socket.close();
      await within(first.closed, 'the first client to close');

      const second = connect(wsUrl(id, `?since=${since}`));
      await second.waitForEnd();
      await second.roundTrip();
      const last = await server.store.lastEventSeq(id);
      expect(second.seqs).toEqual(range(since + 1, last));
    });

    it('sends exactly the stored events after since once the run is over', async () => {
      const { server, api, wsUrl, createInstance } = await launch();
      const id = await createInstance();
      const watcher = connect(wsUrl(id));
      await watcher.opened;
      await call('POST', `${api}/instances/${id}/execute`, { json: {} });
      await watcher.waitForEnd();
      const last = await server.store.lastEventSeq(id);
      expect(watcher.seqs).toEqual(range(1, last));

      for (const since of [0, 3, last - 1, last]) {
        const again = connect(wsUrl(id, `?since=${since}`));
        await again.opened;
        if (since < last) await again.waitForEnd();
        await again.roundTrip();
        expect(again.seqs, `since=${since}`).toEqual(range(since + 1, last));
        expect(again.events).toEqual(watcher.events.slice(since));
      }
    });

    it('delivers every event to each of two clients on one instance', async () => {
      const { api, wsUrl, createInstance } = await launch();
      const id = await createInstance();
      const clients = [connect(wsUrl(id)), connect(wsUrl(id))];
      await Promise.all(clients.map((client) => client.opened));
      await call('POST', `${api}/instances/${id}/execute`, { json: {} });
      await Promise.all(clients.map((client) => client.waitForEnd()));
      const [one, two] = clients as [WatchedSocket, WatchedSocket];
      expect(one.seqs).toEqual(range(1, one.events.length));
      expect(two.events).toEqual(one.events);
    });

    it('answers the text ping with {"type":"pong"}', async () => {
      const { wsUrl, createInstance } = await launch();
      const watcher = connect(wsUrl(await createInstance()));
      await watcher.opened;
      await watcher.roundTrip();
      expect(watcher.messages).toEqual([{ type: 'pong' }]);
    });

    it('ends a stopped run with execution_cancelled and answers status cancelled', async () => {
      const { api, wsUrl, createInstance } = await launch();
      const id = await createInstance({}, 10_000);
      const watcher = connect(wsUrl(id));
      await watcher.opened;
      await call('POST', `${api}/instances/${id}/execute`, { json: {} });
      await watcher.waitFor('the delay step to start', (watched) =>
        watched.events.some((e) => e.event_type === 'step_started' && e.step_id === 'wait'),
      );
      const stopped = await call('POST', `${api}/instances/${id}/stop`);
      expect(stopped.status).toBe(200);
      expect(stopped.body.status).toBe('cancelled');
      await watcher.waitFor('execution_cancelled', (watched) =>
        watched.events.some((event) => event.event_type === 'execution_cancelled'),
      );
      expect(watcher.seqs).toEqual(range(1, watcher.events.length));
    });
  });
}

/** Upgrades the hub refuses with an HTTP answer instead of a socket. */
export function describeUpgradeRefusals({
  launch,
  connect,
  refusedUpgrade,
}: ConformanceContext): void {
  describe('WebSocket upgrades that are refused', () => {
    it('refuses an unknown instance with 404 at the upgrade', async () => {
      const { wsUrl } = await launch();
      const refused = await refusedUpgrade(wsUrl('inst_missing'));
      expect(refused.status).toBe(404);
      expect(refused.body.error.code).toBe('NOT_FOUND');
    });

    it('refuses a since that is not a whole number with 400 at the upgrade', async () => {
      const { wsUrl, createInstance } = await launch();
      const refused = await refusedUpgrade(wsUrl(await createInstance(), '?since=1.5'));
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues).toEqual([{ path: 'since', message: expect.any(String) }]);
    });

    it('refuses a caller with no user with 401 on HTTP and at the upgrade', async () => {
      const { api, wsUrl, createInstance } = await launch({ authenticate: usersFromHeaders });
      const id = await createInstance({ 'x-user': 'alice' });
      const http = await call('GET', `${api}/instances/${id}`);
      expect(http.status).toBe(401);
      expect(http.body.error.code).toBe('UNAUTHENTICATED');
      const refused = await refusedUpgrade(wsUrl(id));
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('UNAUTHENTICATED');
    });

    it("refuses another user's instance with 403 on HTTP and at the upgrade", async () => {
      const { api, wsUrl, createInstance } = await launch({ authenticate: usersFromHeaders });
      const id = await createInstance({ 'x-user': 'alice' });
      const bob = { 'x-user': 'bob' };
      for (const [method, path] of [
        ['GET', ''],
        ['GET', '/status'],
        ['GET', '/logs'],
        ['POST', '/execute'],
        ['POST', '/stop'],
      ] as const) {
        const answer = await call(method, `${api}/instances/${id}${path}`, {
          headers: bob,
          ...(method === 'POST' ? { json: {} } : {}),
        });
        expect(answer.status, `${method} ${path}`).toBe(403);
        expect(answer.body.error.code).toBe('FORBIDDEN');
      }
      expect((await refusedUpgrade(wsUrl(id, '?token=bob'))).status).toBe(403);
      expect((await refusedUpgrade(wsUrl(id), { headers: bob })).status).toBe(403);
    });

    it('lets the owner subscribe with ?token= or with a header', async () => {
      const { wsUrl, createInstance } = await launch({ authenticate: usersFromHeaders });
      const id = await createInstance({ 'x-user': 'alice' });
      await connect(wsUrl(id, '?token=alice')).opened;
      await connect(wsUrl(id), { headers: { 'x-user': 'alice' } }).opened;
    });

    it('refuses over the websocket rate limit with 429 and Retry-After at the upgrade', async () => {
      const { wsUrl, createInstance } = await launch({ rateLimit: { websocket: '1/minute' } });
      const id = await createInstance();
      await connect(wsUrl(id)).opened;
      const refused = await refusedUpgrade(wsUrl(id));
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('answers an upgrade with a malformed Host header instead of crashing', async () => {
      const { baseUrl, server, api } = await launch();
      const answer = await rawExchange(
        baseUrl,
        [
          `GET ${server.basePath}/ws/inst_missing HTTP/1.1`,
          'Host: a b',
          'Connection: Upgrade',
          'Upgrade: websocket',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          '',
          '',
        ].join('\r\n'),
      );
      expect(answer).toMatch(/^HTTP\/1\.1 404 /);
      expect((await call('GET', `${api}/components`)).status).toBe(200);
    });

    it('refuses an origin outside allowedOrigins with 403 and accepts a listed one', async () => {
      const { wsUrl, createInstance } = await launch({
        allowedOrigins: ['http://app.example'],
      });
      const id = await createInstance();
      const refused = await refusedUpgrade(wsUrl(id), { origin: 'http://evil.example' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FORBIDDEN');
      await connect(wsUrl(id), { origin: 'http://app.example' }).opened;
    });
  });
}
