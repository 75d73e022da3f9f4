import type { ChildProcess } from 'node:child_process';

/** What the bench asks of the process serving the targets (see serveTargets.ts). */
export type TargetCommand =
  /** Start recording when the engine publishes each event of this instance (before any client subscribes). */
  | { type: 'watch'; instanceId: string }
  /** Also record when the hub has handed each event to every socket (after the clients subscribed). */
  | { type: 'watchHandedOut' }
  /** Hand over the marks recorded so far. */
  | { type: 'takeMarks' }
  /** Answer once no instance is running any more (runs started by execute continue in the background). */
  | { type: 'waitIdle' }
  /** Close every server and the store, then exit. */
  | { type: 'stop' };

/** The answers, one per command, plus `ready` once the servers listen. */
export type TargetReply =
  | {
      type: 'ready';
      barePort: number;
      apiPort: number;
      listingBytes: number;
      /** Path of the active 3-step workflow's webhook (`respond: immediately`). */
      webhookPath: string;
    }
  | { type: 'watching' }
  | { type: 'marks'; marks: EventMark[] }
  | { type: 'idle'; completed: number; failed: number }
  | { type: 'stopped' };

/** When one event left the engine, and when the hub had written it to every socket (ms). */
export interface EventMark {
  seq: number;
  publishedAt: number;
  handedOutAt?: number;
}

/** A high-resolution wall-clock time in ms, comparable between processes on one machine. */
export function wallClockMs(): number {
  // timeOrigin is the wall clock when the process started, now() a monotonic clock since:
  // their sum is a microsecond-resolution reading of the same system clock in every process.
  return performance.timeOrigin + performance.now();
}

/** Waits for the next reply of one type from the target process. */
export function nextReply<T extends TargetReply['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<TargetReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: TargetReply) => {
      if (message.type !== type) return;
      cleanUp();
      resolve(message as Extract<TargetReply, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(new Error(`The target process exited (code ${code}) before answering "${type}"`));
    };
    const cleanUp = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Sends a command and waits for its answer. */
export function ask<T extends TargetReply['type']>(
  child: ChildProcess,
  command: TargetCommand,
  replyType: T,
): Promise<Extract<TargetReply, { type: T }>> {
  const reply = nextReply(child, replyType);
  child.send(command);
  return reply;
}
