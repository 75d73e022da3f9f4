import { setTimeout as delay } from 'node:timers/promises';
import type { ExecutionEvent, WorkflowStore } from '@flowloom/core';
import { encodeEvent } from './encodeEvent';
import type { WebSocketLike } from './WebSocketLike';

/** Events of the first history page a catching-up socket reads; later pages are sized. */
const FIRST_REPLAY_PAGE_EVENTS = 16;
const MIN_REPLAY_PAGE_EVENTS = 4;
const MAX_REPLAY_PAGE_EVENTS = 500;
/** About how much of a history, as JSON, a page read for a catching-up socket holds. */
const REPLAY_PAGE_BYTES = 1024 * 1024;
/** Unsent bytes below which a catching-up socket is sent its next event. */
const REPLAY_BUFFER_BYTES = 1024 * 1024;
/** How often a catching-up socket's buffer is looked at while it drains. */
const DRAIN_POLL_MS = 25;

/**
 * Sends a socket the stored events after `lastSent()`, a page at a time, each event once the
 * socket has written out all but {@link REPLAY_BUFFER_BYTES}: a client that reads slowly, or
 * not at all, holds one page in this process, not the whole history (a run's events may
 * reach `maxRunEventBytes`). Pages hold about {@link REPLAY_PAGE_BYTES} of events, sized from
 * the page before: a few large events, or many small ones.
 */
export async function replayHistory(
  store: WorkflowStore,
  instanceId: string,
  socket: WebSocketLike,
  lastSent: () => number,
  send: (event: ExecutionEvent) => void,
  open: () => boolean,
): Promise<void> {
  let limit = FIRST_REPLAY_PAGE_EVENTS;
  for (;;) {
    const page = await store.listEvents(instanceId, {
      afterSeq: lastSent(),
      limit,
    });
    let bytes = 0;
    for (const event of page) {
      while (open() && (socket.bufferedAmount ?? 0) > REPLAY_BUFFER_BYTES) {
        await delay(DRAIN_POLL_MS, undefined, { ref: false });
      }
      if (!open()) return;
      send(event);
      bytes += encodeEvent(event).length;
    }
    if (page.length < limit) return;
    const perEvent = Math.max(1, bytes / page.length);
    limit = Math.min(
      MAX_REPLAY_PAGE_EVENTS,
      Math.max(MIN_REPLAY_PAGE_EVENTS, Math.floor(REPLAY_PAGE_BYTES / perEvent)),
    );
  }
}
