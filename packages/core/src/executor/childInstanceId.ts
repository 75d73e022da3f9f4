/**
 * The instance id of a step's child run number `index`, made from the step's idempotency key:
 * the same step attempt always names the same child, so a step that runs again (after a
 * restart or a wait) finds the child it started instead of starting another, and the store's
 * unique id settles a race between two. A retried run's attempt has a new key, hence new
 * children. The id has the form of `createId('inst')`, whatever the step id holds.
 */
export function childInstanceId(idempotencyKey: string, index: number): string {
  return `inst_${hash128(`${idempotencyKey}#${index}`)}`;
}

/**
 * A 128-bit non-cryptographic hash (cyrb128) as 32 hex digits: ample against accidental
 * collisions, and the keys it hashes start with a random parent instance id no user chooses.
 */
function hash128(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
}
