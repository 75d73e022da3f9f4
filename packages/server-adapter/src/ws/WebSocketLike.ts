/**
 * The little the hub needs of a WebSocket, so any implementation fits (`ws`, a Deno or Bun
 * socket, a test double).
 */
export interface WebSocketLike {
  /** 1 while open, as the WebSocket standard numbers it. */
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  /** Sends a ping frame, where the implementation can (servers can; browsers can't). */
  ping?(): void;
  /** Drops the connection without a closing handshake. */
  terminate?(): void;
  /**
   * Bytes sent and not yet written out (the standard's `bufferedAmount`): the hub replays a
   * history page by page as it drains, and closes a socket that stops reading. Without it, a
   * history is still replayed in pages, one after another.
   */
  readonly bufferedAmount?: number;
}

/** The readyState of an open socket. */
export const WEBSOCKET_OPEN = 1;
