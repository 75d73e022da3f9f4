import WebSocket from 'ws';
import { wallClockMs } from './targetProtocol';

/** Arrivals at one client: the `seq` of each event and when its message arrived. */
interface Arrivals {
  seqs: number[];
  at: number[];
  finished: number;
}

/** WebSocket clients subscribed to one instance, recording when each event arrives. */
export interface FanOutClients {
  /** Resolves once every client has seen `runs` runs end (within `timeoutMs`). */
  untilRunsEnded(runs: number, timeoutMs: number): Promise<void>;
  /** Every arrival, as `[seq, ms]`. */
  arrivals(): Array<[number, number]>;
  close(): Promise<void>;
}

const FINAL_EVENTS = new Set(['execution_completed', 'execution_failed', 'execution_cancelled']);

function connect(url: string): Promise<{ socket: WebSocket; arrivals: Arrivals }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const arrivals: Arrivals = { seqs: [], at: [], finished: 0 };
    socket.on('message', (data) => {
      // The clock is read before parsing: the delay is delivery, not this client's JSON work.
      const at = wallClockMs();
      const event = JSON.parse(data.toString()) as { seq: number; event_type: string };
      arrivals.seqs.push(event.seq);
      arrivals.at.push(at);
      if (FINAL_EVENTS.has(event.event_type)) arrivals.finished += 1;
    });
    let opened = false;
    socket.once('open', () => {
      opened = true;
      resolve({ socket, arrivals });
    });
    // Before the handshake an error fails the bench; after it, a missing event shows in the
    // "delivered" count instead.
    socket.on('error', (error) => {
      if (!opened) reject(error);
    });
  });
}

/**
 * Opens `count` WebSocket clients to `url`, `batch` handshakes at a time (a burst of 1,000
 * SYNs can overflow the listen backlog and cost a retransmission second).
 */
export async function connectClients(
  url: string,
  count: number,
  batch = 100,
): Promise<FanOutClients> {
  const clients: Array<{ socket: WebSocket; arrivals: Arrivals }> = [];
  for (let opened = 0; opened < count; opened += batch) {
    const size = Math.min(batch, count - opened);
    clients.push(...(await Promise.all(Array.from({ length: size }, () => connect(url)))));
  }
  return {
    async untilRunsEnded(runs, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (clients.some((client) => client.arrivals.finished < runs)) {
        if (Date.now() > deadline) {
          const behind = clients.filter((client) => client.arrivals.finished < runs).length;
          throw new Error(`${behind} of ${clients.length} clients never saw run ${runs} end`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    arrivals: () =>
      clients.flatMap(({ arrivals }) =>
        arrivals.seqs.map((seq, i): [number, number] => [seq, arrivals.at[i]!]),
      ),
    close: () =>
      Promise.all(
        clients.map(
          ({ socket }) =>
            new Promise<void>((resolve) => {
              if (socket.readyState === WebSocket.CLOSED) return resolve();
              socket.once('close', () => resolve());
              socket.close();
            }),
        ),
      ).then(() => undefined),
  };
}
