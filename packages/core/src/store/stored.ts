/**
 * What a store returns from `appendEvents` (and `appendLogs`) when the write already completed
 * synchronously, before the call returned: an already-resolved promise, so callers that await it
 * see no difference, while the engine's journal, which compares against it, stores and publishes
 * in the same turn instead of waiting a promise hop per batch.
 *
 * @remarks Return this very object, never another resolved promise, and only once the write is
 * durable as far as the store goes (committed). A store that can't tell returns its own
 * promise, and the journal then groups writes as it does for any asynchronous store.
 * @example
 * appendEvents(events) {
 *   this.db.transaction(() => insertAll(events)).immediate();
 *   return STORED;
 * }
 */
export const STORED: Promise<void> = Promise.resolve();
