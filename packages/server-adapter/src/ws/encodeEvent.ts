import type { ExecutionEvent } from '@flowloom/core';

/** Each event's JSON, made once however many sockets it goes to. */
const encoded = new WeakMap<ExecutionEvent, string>();

/** An event as the text message a socket is sent, made once per event. */
export function encodeEvent(event: ExecutionEvent): string {
  let text = encoded.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    encoded.set(event, text);
  }
  return text;
}
