/**
 * Values read from stored texts, by record key, the most recently used kept: a value is handed
 * out again only for the identical text, so a record changed in any way (by hand, by another
 * process) is read afresh. Bounded: past `capacity`, the least recently used is dropped.
 */
export class TextKeyedCache<T> {
  private readonly entries = new Map<string, { text: string; value: T }>();

  constructor(private readonly capacity: number) {}

  /** The value kept for this key and exactly this text, or `undefined`. */
  get(key: string, text: string): T | undefined {
    const kept = this.entries.get(key);
    if (kept === undefined || kept.text !== text) return undefined;
    // Most recently used last, so the oldest is the one dropped.
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept.value;
  }

  set(key: string, text: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { text, value });
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }
}
