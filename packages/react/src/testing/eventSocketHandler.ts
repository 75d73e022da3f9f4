import type { ExecutionEvent } from '@flowloom/core';
import { ws } from 'msw';
import type { FakeWorkflowBackend } from './FakeWorkflowBackend';

/** Close codes of the fake's refusals (a real server refuses the upgrade itself; a browser sees 1006). */
const NOT_FOUND_CLOSE = 4404;
const BAD_REQUEST_CLOSE = 4400;
const GOING_AWAY = 1001;

/**
 * The fake API's WebSocket at `socketUrl` (`.../ws/:instance_id`), with the server's protocol:
 * the stored events after `?since=`, then live ones, in `seq` order with no gap and no repeat;
 * the text `ping` is answered `{"type":"pong"}`.
 */
export function eventSocketHandler(backend: FakeWorkflowBackend, socketUrl: string) {
  const link = ws.link(socketUrl);
  return link.addEventListener('connection', ({ client, params }) => {
    const instanceId = typeof params.instance_id === 'string' ? params.instance_id : '';
    // Refused before the socket opens, as the server refuses the upgrade.
    if (!backend.hasInstance(instanceId)) {
      client.close(NOT_FOUND_CLOSE, `Instance "${instanceId}" does not exist`);
      return;
    }
    const sinceText = client.url.searchParams.get('since');
    const since = sinceText === null || sinceText === '' ? 0 : Number(sinceText);
    if (!Number.isInteger(since) || since < 0) {
      client.close(BAD_REQUEST_CLOSE, '"since" must be a whole number of at least 0');
      return;
    }

    const { engine, store } = backend;
    let lastSent = since;
    let replaying = true;
    const buffered: ExecutionEvent[] = [];
    const send = (event: ExecutionEvent) => {
      if (event.seq <= lastSent) return;
      lastSent = event.seq;
      client.send(JSON.stringify(event));
    };
    // Subscribed before the history is read, so an event stored meanwhile is buffered, not lost.
    const unsubscribe = engine.subscribe(instanceId, (event) => {
      if (replaying) buffered.push(event);
      else send(event);
    });
    void store.listEvents(instanceId, { afterSeq: since }).then((history) => {
      for (const event of history) send(event);
      replaying = false;
      for (const event of buffered.splice(0)) send(event);
    });
    const stopOnReset = backend.onReset(() => client.close(GOING_AWAY, 'The fake API was reset'));

    client.addEventListener('message', (message) => {
      if (message.data === 'ping') client.send('{"type":"pong"}');
    });
    client.addEventListener('close', () => {
      unsubscribe();
      stopOnReset();
    });
  });
}
