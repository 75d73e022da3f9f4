/**
 * A number kept in `localStorage` under `key`, or `fallback` when there is none, it is not a
 * finite number, or storage can't be read (private mode, a sandboxed frame).
 */
export function readStoredNumber(key: string, fallback: number): number {
  try {
    const text = globalThis.localStorage?.getItem(key);
    if (text === null || text === undefined) return fallback;
    const value = Number(text);
    return Number.isFinite(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Keeps a number in `localStorage`; does nothing where storage can't be written. */
export function writeStoredNumber(key: string, value: number): void {
  try {
    globalThis.localStorage?.setItem(key, String(value));
  } catch {
    // Full or refused: the size is only a convenience.
  }
}
