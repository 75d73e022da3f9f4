import type { ExecutionEvent } from '@flowloom/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeHubs, eventually, FakeSocket, range, setupHub } from './hubTestKit.test-helpers';

afterEach(() => closeHubs());

const MiB = 1024 * 1024;

/** A socket whose unsent bytes grow with every send until it starts reading. */
class SlowSocket extends FakeSocket {
  bufferedAmount = 0;
  reading = false;
  override send(data: string): void {
    super.send(data);
    if (!this.reading) this.bufferedAmount += 2 * MiB;
  }
  startReading(): void {
    this.reading = true;
    this.bufferedAmount = 0;
  }
}

/** `count` log events of one instance, seq 1 to `count`, each with `padding` more characters. */
function logEvents(instanceId: string, count: number, padding = 0): ExecutionEvent[] {
  return range(1, count).map((seq) => ({
    seq,
    event_type: 'log',
    instance_id: instanceId,
    timestamp: new Date(0).toISOString(),
    data: { level: 'info', message: `line ${seq}${'.'.repeat(padding)}` },
  }));
}

describe('WebSocketHub: a client that reads slowly', () => {
  it('replays a long history page by page, each event once the socket has drained', async () => {
    const { store, hub, createInstance, session } = setupHub();
    const instance = await createInstance();
    await store.appendEvents(logEvents(instance.instance_id, 300));
    const reads = vi.spyOn(store, 'listEvents');
    const socket = new SlowSocket();
    hub.attach(socket, session(instance.instance_id));
    await eventually(() => expect(socket.sent).toHaveLength(1), 'the first event');
    await new Promise((resolve) => setTimeout(resolve, 150));
    // Not reading: nothing more was sent, and only the first page was read.
    expect(socket.sent).toHaveLength(1);
    expect(reads).toHaveBeenCalledTimes(1);
    socket.startReading();
    await eventually(() => expect(socket.seqs).toEqual(range(1, 300)), 'the whole history');
    // A first page of 16, then pages sized to about 1 MiB of such small events.
    expect(reads.mock.calls.map(([, options]) => options)).toEqual([
      { afterSeq: 0, limit: 16 },
      { afterSeq: 16, limit: 500 },
    ]);
  });

  it('reads a history of large events a few at a time', async () => {
    const { store, hub, createInstance, session } = setupHub();
    const instance = await createInstance();
    await store.appendEvents(logEvents(instance.instance_id, 40, 300_000));
    const reads = vi.spyOn(store, 'listEvents');
    const socket = new SlowSocket();
    socket.startReading();
    hub.attach(socket, session(instance.instance_id));
    await eventually(() => expect(socket.seqs).toEqual(range(1, 40)), 'the whole history');
    expect(reads.mock.calls.map(([, options]) => options)).toEqual([
      { afterSeq: 0, limit: 16 },
      ...[16, 20, 24, 28, 32, 36, 40].map((afterSeq) => ({ afterSeq, limit: 4 })),
    ]);
  });

  it('closes a socket that stops reading its live events (1013) and drops its subscription', async () => {
    const { engine, source, hub, createInstance, session } = setupHub();
    const instance = await createInstance();
    const socket = new SlowSocket();
    socket.startReading();
    hub.attach(socket, session(instance.instance_id));
    await eventually(() => expect(source.active).toBe(1), 'the subscription');
    await new Promise((resolve) => setTimeout(resolve, 20));
    socket.bufferedAmount = 17 * MiB;
    await engine.executeWorkflow(instance.instance_id);
    expect(socket.closedWith).toEqual({
      code: 1013,
      reason: 'Too many unread events: reconnect with since',
    });
    expect(socket.sent).toHaveLength(0);
    expect(hub.connectionCount).toBe(0);
    expect(source.active).toBe(0);
  });
});
