/** What every secret value is replaced with before anything is journaled, stored or sent. */
export const REDACTED = '[redacted]';

/**
 * The secret values a run resolved, and their removal from whatever the run records: step
 * inputs, outputs, logs and error messages. A run that uses no credential pays nothing.
 *
 * @remarks Secrets shorter than 4 characters are redacted too: a short secret is still a
 * secret, and over-redacting a log is the safe failure.
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  /** Whether any secret was added. */
  get active(): boolean {
    return this.secrets.size > 0;
  }

  /** Adds a secret value and the forms it commonly travels in (URL-encoded, JSON-escaped). */
  add(secret: string): void {
    if (secret === '' || secret === REDACTED) return;
    const before = this.secrets.size;
    this.secrets.add(secret);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) this.secrets.add(encoded);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) this.secrets.add(escaped);
    if (this.secrets.size !== before) this.pattern = undefined;
  }

  /**
   * A copy of `value` with every secret in its strings (keys included) replaced; parts without
   * a secret are shared, not copied. Iterative, so no depth can overflow the stack.
   */
  redact<T>(value: T): T {
    if (!this.active) return value;
    const pattern = this.compiledPattern();
    const redactString = (text: string): string =>
      text.length === 0 ? text : text.replace(pattern, REDACTED);
    return redactTree(value, redactString) as T;
  }

  private compiledPattern(): RegExp {
    if (!this.pattern) {
      // Longest first, so a secret that contains another is replaced whole.
      const alternatives = [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      this.pattern = new RegExp(alternatives.join('|'), 'g');
    }
    return this.pattern;
  }
}

/** Rebuilds the containers on the path to each changed string; everything else is shared. */
function redactTree(root: unknown, redactString: (text: string) => string): unknown {
  if (typeof root === 'string') return redactString(root);
  if (root === null || typeof root !== 'object') return root;
  type Frame = { source: object; copy: unknown[] | Record<string, unknown>; changed: boolean };
  const copies = new Map<object, Frame>();
  const order: Frame[] = [];
  const stack: object[] = [root];
  // First pass: a frame per container, in an order where children come after parents.
  while (stack.length > 0) {
    const source = stack.pop()!;
    if (copies.has(source)) continue;
    const frame: Frame = {
      source,
      copy: Array.isArray(source) ? [] : Object.create(Object.getPrototypeOf(source) ?? null),
      changed: false,
    };
    copies.set(source, frame);
    order.push(frame);
    for (const child of Object.values(source)) {
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  // Second pass, children before parents: fill each copy and note whether anything changed.
  for (let index = order.length - 1; index >= 0; index -= 1) {
    const frame = order[index]!;
    for (const [key, child] of Object.entries(frame.source)) {
      let next: unknown = child;
      if (typeof child === 'string') next = redactString(child);
      else if (child !== null && typeof child === 'object') {
        const childFrame = copies.get(child)!;
        if (childFrame.changed) next = childFrame.copy;
      }
      const nextKey = redactString(key);
      if (next !== child || nextKey !== key) frame.changed = true;
      Object.defineProperty(frame.copy, nextKey, {
        value: next,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  const top = copies.get(root)!;
  return top.changed ? top.copy : root;
}
