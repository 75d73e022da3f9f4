/**
 * A new random id with a readable prefix (`inst_4f9c...`). Uses Web Crypto, which Node 20 and
 * every browser provide, so the core needs no Node built-in.
 */
export function createId(prefix: string): string {
  return `${prefix}_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
}
