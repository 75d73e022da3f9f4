import { DEFAULT_LIMITS, ExecutionEngine, MemoryStore } from '@flowloom/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthenticateHook } from '../auth/authTypes';
import { createWorkflowServer } from '../createWorkflowServer';
import { closeHubs, FakeSocket, refusalOf, setupHub } from './hubTestKit.test-helpers';
import type { WebSocketHub } from './WebSocketHub';

afterEach(() => closeHubs());

const users: AuthenticateHook = (request) => {
  const id = request.headers.get('x-user');
  return id ? { id } : null;
};

/** Authorizes an upgrade as `user` (or anonymously from `clientIp`) and attaches a socket. */
async function connect(
  hub: WebSocketHub,
  instanceId: string,
  { user, clientIp }: { user?: string; clientIp?: string },
) {
  const decision = await hub.authorizeUpgrade(upgrade(instanceId, user), clientIp);
  if (!decision.ok) throw new Error(`refused: ${decision.body}`);
  const socket = new FakeSocket();
  const connection = hub.attach(socket, decision.session);
  return { socket, connection, session: decision.session };
}

function upgrade(instanceId: string, user?: string): Request {
  return new Request(`http://127.0.0.1/api/workflow/ws/${instanceId}`, {
    headers: user ? { 'x-user': user } : {},
  });
}

describe('WebSocketHub: how many sockets stay open', () => {
  it('refuses a user past maxSocketsPerCaller with 429 TOO_MANY_CONNECTIONS, until one closes', async () => {
    const { hub, createInstance } = setupHub({ authenticate: users, maxSocketsPerCaller: 2 });
    const instance = await createInstance('ann');
    const first = await connect(hub, instance.instance_id, { user: 'ann' });
    await connect(hub, instance.instance_id, { user: 'ann' });

    const refused = await refusalOf(hub, upgrade(instance.instance_id, 'ann'));
    expect(refused.status).toBe(429);
    expect(refused.error.code).toBe('TOO_MANY_CONNECTIONS');
    expect(refused.error.message).toContain('at most 2 per user (limits.maxWebSocketsPerUser)');
    expect(hub.connectionCount).toBe(2);

    first.connection.onClose();
    await connect(hub, instance.instance_id, { user: 'ann' });
    expect(hub.connectionCount).toBe(2);
  });

  it("counts each user's sockets apart", async () => {
    const { hub, createInstance, store } = setupHub({
      authenticate: users,
      maxSocketsPerCaller: 1,
    });
    const anns = await createInstance('ann');
    const bobs = await createInstance('bob');
    await connect(hub, anns.instance_id, { user: 'ann' });
    await connect(hub, bobs.instance_id, { user: 'bob' });
    expect((await refusalOf(hub, upgrade(anns.instance_id, 'ann'))).status).toBe(429);
    expect((await refusalOf(hub, upgrade(bobs.instance_id, 'bob'))).status).toBe(429);
    expect(await store.getInstance(anns.instance_id)).toBeDefined();
  });

  it('counts by client IP on a server without authenticate, where everyone is anonymous', async () => {
    const { hub, createInstance } = setupHub({ maxSocketsPerCaller: 1 });
    const instance = await createInstance();
    const { session } = await connect(hub, instance.instance_id, { clientIp: '10.0.0.1' });
    expect(session.caller).toBe('ip:10.0.0.1');
    const refused = await refusalOf(hub, upgrade(instance.instance_id), '10.0.0.1');
    expect(refused.error.code).toBe('TOO_MANY_CONNECTIONS');
    await connect(hub, instance.instance_id, { clientIp: '10.0.0.2' });
    expect(hub.connectionCount).toBe(2);
  });

  it("groups an open server's IPv6 callers by /64, and takes an IPv4-mapped address as IPv4", async () => {
    const { hub, createInstance } = setupHub({ maxSocketsPerCaller: 1 });
    const instance = await createInstance();
    const v6 = await connect(hub, instance.instance_id, { clientIp: '2001:db8:1:2::1' });
    expect(v6.session.caller).toBe('ip:2001:db8:1:2::/64');
    const sameLine = await refusalOf(hub, upgrade(instance.instance_id), '2001:db8:1:2:ffff::9');
    expect(sameLine.error.code).toBe('TOO_MANY_CONNECTIONS');
    await connect(hub, instance.instance_id, { clientIp: '2001:db8:1:3::1' });

    await connect(hub, instance.instance_id, { clientIp: '::ffff:198.51.100.4' });
    const sameV4 = await refusalOf(hub, upgrade(instance.instance_id), '198.51.100.4');
    expect(sameV4.error.code).toBe('TOO_MANY_CONNECTIONS');
  });

  it("applies only the hub's limit when the transport does not know the client address", async () => {
    const { hub, createInstance } = setupHub({ maxSocketsPerCaller: 1, maxSockets: 3 });
    const instance = await createInstance();
    for (let index = 0; index < 3; index += 1) await connect(hub, instance.instance_id, {});
    const refused = await refusalOf(hub, upgrade(instance.instance_id));
    expect(refused.error.message).toContain('limits.maxWebSockets)');
  });

  it('refuses anyone past maxSockets, and takes sockets again once some close', async () => {
    const { hub, createInstance } = setupHub({ authenticate: users, maxSockets: 2 });
    const [anns, bobs, cys] = await Promise.all(['ann', 'bob', 'cy'].map(createInstance));
    const ann = await connect(hub, anns!.instance_id, { user: 'ann' });
    await connect(hub, bobs!.instance_id, { user: 'bob' });
    const refused = await refusalOf(hub, upgrade(cys!.instance_id, 'cy'));
    expect(refused.status).toBe(429);
    expect(refused.error.code).toBe('TOO_MANY_CONNECTIONS');
    expect(refused.error.message).toContain('(2, limits.maxWebSockets)');

    ann.connection.onClose();
    await connect(hub, cys!.instance_id, { user: 'cy' });
  });

  it('closes with 1008, unsubscribed and uncounted, a socket whose upgrade raced past the limit', async () => {
    const { hub, createInstance, source } = setupHub({
      authenticate: users,
      maxSocketsPerCaller: 1,
    });
    const instance = await createInstance('ann');
    // Both checked while no socket was open yet: both pass.
    const decisions = await Promise.all([
      hub.authorizeUpgrade(upgrade(instance.instance_id, 'ann')),
      hub.authorizeUpgrade(upgrade(instance.instance_id, 'ann')),
    ]);
    const sockets = decisions.map(() => new FakeSocket());
    const connections = decisions.map((decision, index) => {
      if (!decision.ok) throw new Error('refused');
      return hub.attach(sockets[index]!, decision.session);
    });
    expect(sockets[0]!.closedWith).toBeUndefined();
    expect(sockets[1]!.closedWith).toEqual({ code: 1008, reason: 'Too many open WebSockets' });
    expect(hub.connectionCount).toBe(1);
    expect(source.active).toBe(1);
    // Its transport still reports the close: the count of the socket that stays is kept.
    connections[1]!.onClose();
    expect(hub.connectionCount).toBe(1);
    expect((await refusalOf(hub, upgrade(instance.instance_id, 'ann'))).status).toBe(429);
  });

  it("defaults to limits' maxWebSocketsPerUser", async () => {
    const { hub, createInstance } = setupHub({ authenticate: users });
    const instance = await createInstance('ann');
    for (let index = 0; index < DEFAULT_LIMITS.maxWebSocketsPerUser; index += 1) {
      await connect(hub, instance.instance_id, { user: 'ann' });
    }
    expect(DEFAULT_LIMITS.maxWebSocketsPerUser).toBe(32);
    expect((await refusalOf(hub, upgrade(instance.instance_id, 'ann'))).status).toBe(429);
  });

  it("takes the server's limits option also when the host brings its own engine", async () => {
    const engine = new ExecutionEngine({ store: new MemoryStore() });
    const server = createWorkflowServer({
      engine,
      limits: { maxWebSocketsPerUser: 1 },
      logger: { info() {}, warn() {}, error: console.error },
    });
    try {
      const instance = await engine.createInstance({
        name: 'Own engine',
        workflow_data: { nodes: [{ id: 'start', type: 'manual_trigger' }], edges: [] },
        created_by: 'anonymous',
      });
      await connect(server.hub, instance.instance_id, { clientIp: '10.0.0.1' });
      const refused = await refusalOf(server.hub, upgrade(instance.instance_id), '10.0.0.1');
      expect(refused.error.code).toBe('TOO_MANY_CONNECTIONS');
    } finally {
      await server.close();
    }
  });
});
