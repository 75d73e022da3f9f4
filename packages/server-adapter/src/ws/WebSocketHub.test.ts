import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessControl } from '../auth/AccessControl';
import {
  closeHubs,
  eventually,
  FakeSocket,
  gate,
  range,
  setupHub as setup,
} from './hubTestKit.test-helpers';
import { WebSocketHub } from './WebSocketHub';

afterEach(() => {
  closeHubs();
  vi.useRealTimers();
});

describe('WebSocketHub: history then live events', () => {
  it('sends every stored event after since, in order', async () => {
    const { engine, hub, createInstance, session } = setup();
    const instance = await createInstance();
    await engine.executeWorkflow(instance.instance_id);
    const total = await engine.store.lastEventSeq(instance.instance_id);
    const socket = new FakeSocket();
    hub.attach(socket, session(instance.instance_id, 3));
    await eventually(() => expect(socket.seqs).toEqual(range(4, total)), 'the history');
  });

  it('sends the whole history when since is 0', async () => {
    const { engine, hub, createInstance, session } = setup();
    const instance = await createInstance();
    await engine.executeWorkflow(instance.instance_id);
    const total = await engine.store.lastEventSeq(instance.instance_id);
    const socket = new FakeSocket();
    hub.attach(socket, session(instance.instance_id));
    await eventually(() => expect(socket.seqs).toEqual(range(1, total)), 'the history');
    expect(socket.events.at(-1)?.event_type).toBe('execution_completed');
  });

  it('follows the history with live events of a later run', async () => {
    const { engine, hub, createInstance, session } = setup();
    const instance = await createInstance();
    await engine.executeWorkflow(instance.instance_id);
    const firstRun = await engine.store.lastEventSeq(instance.instance_id);
    const socket = new FakeSocket();
    hub.attach(socket, session(instance.instance_id, 1));
    await eventually(() => expect(socket.seqs).toEqual(range(2, firstRun)), 'the history');
    await engine.executeWorkflow(instance.instance_id);
    const total = await engine.store.lastEventSeq(instance.instance_id);
    await eventually(() => expect(socket.seqs).toEqual(range(2, total)), 'the live events');
    expect(total).toBeGreaterThan(firstRun);
  });

  it('sends events published while the history read is in flight after it, with no gap', async () => {
    const { store, engine, hub, createInstance, session } = setup();
    const instance = await createInstance();
    await engine.executeWorkflow(instance.instance_id);
    const firstRun = await store.lastEventSeq(instance.instance_id);
    // The read sees the store as it was when asked, and answers only after the next run ended.
    const held = gate();
    const listEvents = store.listEvents.bind(store);
    vi.spyOn(store, 'listEvents').mockImplementationOnce(async (id, options) => {
      const snapshot = await listEvents(id, options);
      await held.promise;
      return snapshot;
    });
    const socket = new FakeSocket();
    hub.attach(socket, session(instance.instance_id, 2));
    await engine.executeWorkflow(instance.instance_id);
    const total = await store.lastEventSeq(instance.instance_id);
    expect(socket.sent).toEqual([]);
    held.open();
    await eventually(() => expect(socket.seqs).toEqual(range(3, total)), 'history + buffer');
    expect(total).toBeGreaterThan(firstRun);
  });

  it('sends an event once when it is both in a late history read and published live', async () => {
    const { store, engine, hub, createInstance, session } = setup();
    const instance = await createInstance();
    await engine.executeWorkflow(instance.instance_id);
    // The read starts only after the next run ended, so it also holds every buffered event.
    const held = gate();
    const listEvents = store.listEvents.bind(store);
    vi.spyOn(store, 'listEvents').mockImplementationOnce(async (id, options) => {
      await held.promise;
      return listEvents(id, options);
    });
    const socket = new FakeSocket();
    hub.attach(socket, session(instance.instance_id, 1));
    await engine.executeWorkflow(instance.instance_id);
    const total = await store.lastEventSeq(instance.instance_id);
    held.open();
    await eventually(() => expect(socket.seqs).toEqual(range(2, total)), 'history + buffer');
  });

  it('fills a gap in the live events from the store (a source across processes lost one)', async () => {
    const { store, engine, hub, createInstance, session } = setup();
    const instance = await createInstance();
    const socket = new FakeSocket();
    // A worker stored seq 3 and died before publishing it; the run went on elsewhere.
    const lossy = new WebSocketHub({
      basePath: '/api/workflow',
      events: {
        subscribe: (id, listener) =>
          engine.subscribe(id, (event) => {
            if (event.seq !== 3) listener(event);
          }),
      },
      store,
      access: new AccessControl(undefined, undefined),
      limiter: undefined,
      allowedOrigins: undefined,
    });
    try {
      lossy.attach(socket, session(instance.instance_id));
      await eventually(() => expect(socket.sent).toEqual([]), 'the empty history');
      await engine.executeWorkflow(instance.instance_id);
      const total = await store.lastEventSeq(instance.instance_id);
      await eventually(() => expect(socket.seqs).toEqual(range(1, total)), 'every event');
    } finally {
      lossy.close();
    }
    expect(hub.connectionCount).toBe(0);
  });

  it('sends nothing after the socket closed during the history read', async () => {
    const { store, engine, source, hub, createInstance, session } = setup();
    const instance = await createInstance();
    await engine.executeWorkflow(instance.instance_id);
    const held = gate();
    const listEvents = store.listEvents.bind(store);
    const read = vi.spyOn(store, 'listEvents').mockImplementationOnce(async (id, options) => {
      await held.promise;
      return listEvents(id, options);
    });
    const socket = new FakeSocket();
    const connection = hub.attach(socket, session(instance.instance_id));
    socket.readyState = 3;
    connection.onClose();
    expect(source.active).toBe(0);
    held.open();
    await read.mock.results[0]?.value;
    expect(socket.sent).toEqual([]);
  });

  it('closes the socket with 1011 and reports it when the history read fails', async () => {
    const { store, source, hub, reporter, createInstance, session } = setup();
    const instance = await createInstance();
    vi.spyOn(store, 'listEvents').mockRejectedValueOnce(new Error('disk on fire'));
    const socket = new FakeSocket();
    hub.attach(socket, session(instance.instance_id));
    await eventually(() => expect(socket.closedWith?.code).toBe(1011), 'the close');
    expect(source.active).toBe(0);
    expect(hub.connectionCount).toBe(0);
    expect(reporter.error).toHaveBeenCalledOnce();
  });
});

describe('WebSocketHub: liveness and shutdown', () => {
  it('terminates and unsubscribes a socket that does not answer a ping', async () => {
    vi.useFakeTimers();
    const { source, hub, createInstance, session } = setup({ heartbeatMs: 1_000 });
    const instance = await createInstance();
    const silent = new FakeSocket();
    hub.attach(silent, session(instance.instance_id));
    expect(source.active).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(silent.pings).toBe(1);
    expect(silent.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(silent.terminated).toBe(true);
    expect(source.active).toBe(0);
    expect(hub.connectionCount).toBe(0);
  });

  it('keeps a socket that answers every ping', async () => {
    vi.useFakeTimers();
    const { source, hub, createInstance, session } = setup({ heartbeatMs: 1_000 });
    const instance = await createInstance();
    const live = new FakeSocket();
    const connection = hub.attach(live, session(instance.instance_id));
    live.onPing = () => connection.onPong();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(live.pings).toBe(5);
    expect(live.terminated).toBe(false);
    expect(live.closedWith).toBeUndefined();
    expect(source.active).toBe(1);
  });

  it('answers the text ping with {"type":"pong"}', async () => {
    const { hub, createInstance, session } = setup();
    const instance = await createInstance();
    const socket = new FakeSocket();
    const connection = hub.attach(socket, session(instance.instance_id));
    connection.onMessage('ping');
    expect(socket.sent).toEqual(['{"type":"pong"}']);
  });

  it('ignores other text messages', async () => {
    const { hub, createInstance, session } = setup();
    const instance = await createInstance();
    const socket = new FakeSocket();
    const connection = hub.attach(socket, session(instance.instance_id));
    connection.onMessage('{"type":"subscribe"}');
    expect(socket.sent).toEqual([]);
    expect(socket.closedWith).toBeUndefined();
  });

  it('drops the subscription when the transport reports a close', async () => {
    const { source, hub, createInstance, session } = setup();
    const instance = await createInstance();
    const connection = hub.attach(new FakeSocket(), session(instance.instance_id));
    connection.onClose();
    expect(source.active).toBe(0);
    expect(hub.connectionCount).toBe(0);
  });

  it('closes every socket with 1001 on close() and sends them nothing more', async () => {
    const { engine, source, hub, createInstance, session } = setup();
    const first = await createInstance();
    const second = await createInstance();
    const sockets = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    hub.attach(sockets[0]!, session(first.instance_id));
    hub.attach(sockets[1]!, session(first.instance_id));
    hub.attach(sockets[2]!, session(second.instance_id));
    hub.close();
    for (const socket of sockets) expect(socket.closedWith?.code).toBe(1001);
    expect(source.active).toBe(0);
    expect(hub.connectionCount).toBe(0);
    await engine.executeWorkflow(first.instance_id);
    for (const socket of sockets) expect(socket.sent).toEqual([]);
  });

  it('closes a socket attached after close() with 1001 at once', async () => {
    const { source, hub, createInstance, session } = setup();
    const instance = await createInstance();
    hub.close();
    const socket = new FakeSocket();
    hub.attach(socket, session(instance.instance_id));
    expect(socket.closedWith?.code).toBe(1001);
    expect(source.active).toBe(0);
    expect(hub.connectionCount).toBe(0);
  });
});
