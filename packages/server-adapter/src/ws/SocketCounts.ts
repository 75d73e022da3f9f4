/**
 * Open sockets by caller, against a limit per caller and one for all sockets. A socket without a
 * caller (its client address unknown) counts only against the second.
 */
export class SocketCounts {
  /** Open sockets by caller; a caller with none has no entry, so the map holds open ones only. */
  private readonly byCaller = new Map<string, number>();

  constructor(
    private readonly perCaller: number,
    private readonly all: number,
  ) {}

  /** Why one more socket for `caller`, with `open` sockets open, would be one too many. */
  refusalFor(caller: string | undefined, open: number): string | undefined {
    if (caller !== undefined && (this.byCaller.get(caller) ?? 0) >= this.perCaller) {
      return `Too many open WebSockets: at most ${this.perCaller} per user (limits.maxWebSocketsPerUser); close one first`;
    }
    if (open >= this.all) {
      return `The server holds as many WebSockets as it may (${this.all}, limits.maxWebSockets); try again later`;
    }
    return undefined;
  }

  add(caller: string | undefined): void {
    if (caller !== undefined) this.byCaller.set(caller, (this.byCaller.get(caller) ?? 0) + 1);
  }

  remove(caller: string | undefined): void {
    if (caller === undefined) return;
    const left = (this.byCaller.get(caller) ?? 1) - 1;
    if (left > 0) this.byCaller.set(caller, left);
    else this.byCaller.delete(caller);
  }
}
