/** Newest first; ties keep the reversed insertion order the caller gives. */
export function newestFirst<K extends string>(key: K) {
  return (a: Record<K, string>, b: Record<K, string>): number =>
    a[key] < b[key] ? 1 : a[key] > b[key] ? -1 : 0;
}
