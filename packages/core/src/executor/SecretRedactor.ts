/** What every secret value is replaced with before anything is journaled, stored or sent. */
export const REDACTED = '[redacted]';

/**
 * Secrets shorter than this are not redacted: replacing every `e` or `ok` in a run's records
 * would garble them, and a secret that short guards nothing. The credential routes say so.
 */
export const MIN_REDACTED_LENGTH = 4;

/** The most secret forms one run redacts; a run resolving more fails its step instead. */
export const MAX_SECRETS_PER_RUN = 256;

/**
 * Fields of an event's data that hold what steps and users made (values, and keys of the objects
 * in them): redacted whole. Every other field is the engine's own (codes, handles, counters) and
 * keeps its shape: only its strings are redacted, never its keys, so an event stays valid
 * whatever the secret happens to spell.
 */
const CONTENT_FIELDS: ReadonlySet<string> = new Set([
  'input_data',
  'output_data',
  'data',
  'set_variables',
  'variables',
]);

/** Engine fields whose strings are free text a step or user may have written. */
const TEXT_FIELDS: ReadonlySet<string> = new Set(['message', 'reason', 'error']);

/**
 * The secret values a run resolved, and their removal from whatever the run records: step
 * inputs, outputs, logs and error messages. A run that uses no credential pays nothing.
 *
 * @remarks Replacement is a plain substring search per secret, longest first: linear in the text,
 * whatever the secrets hold (a single alternation regex over several secrets can backtrack).
 */
export class SecretRedactor {
  private readonly secrets = new Set<string>();
  /** Longest first, so a secret that contains another is replaced whole. */
  private ordered: string[] = [];

  /** Whether any secret was added. */
  get active(): boolean {
    return this.secrets.size > 0;
  }

  /**
   * Adds a secret value and the forms it commonly travels in (URL-encoded, JSON-escaped).
   *
   * @returns false when the run already holds {@link MAX_SECRETS_PER_RUN} secret forms.
   */
  add(secret: string): boolean {
    if (secret.length < MIN_REDACTED_LENGTH || secret === REDACTED) return true;
    const forms = new Set([
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
    ]);
    const fresh = [...forms].filter((form) => !this.secrets.has(form));
    if (fresh.length === 0) return true;
    if (this.secrets.size + fresh.length > MAX_SECRETS_PER_RUN) return false;
    for (const form of fresh) this.secrets.add(form);
    this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
    return true;
  }

  /** A string with every secret in it replaced. */
  redactText(text: string): string {
    let result = text;
    for (const secret of this.ordered) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result;
  }

  /**
   * A copy of any value with every secret in its strings and keys replaced; parts without a
   * secret are shared, not copied. Iterative, so no depth can overflow the stack.
   */
  redact<T>(value: T): T {
    if (!this.active) return value;
    return redactTree(value, (text) => this.redactText(text), true) as T;
  }

  /**
   * An event's data with secrets removed: content fields whole (keys included), the engine's
   * text fields by their string values only, everything else untouched.
   */
  redactEventData<T>(data: T): T {
    if (!this.active || data === null || typeof data !== 'object') return data;
    const redactString = (text: string): string => this.redactText(text);
    let copy: Record<string, unknown> | undefined;
    for (const [field, value] of Object.entries(data as Record<string, unknown>)) {
      let next = value;
      if (CONTENT_FIELDS.has(field)) next = redactTree(value, redactString, true);
      else if (TEXT_FIELDS.has(field)) next = redactTree(value, redactString, false);
      if (next !== value) {
        copy ??= { ...(data as Record<string, unknown>) };
        copy[field] = next;
      }
    }
    return (copy ?? data) as T;
  }
}

/** Rebuilds the containers on the path to each changed string; everything else is shared. */
function redactTree(
  root: unknown,
  redactString: (text: string) => string,
  redactKeys: boolean,
): unknown {
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
      const nextKey = redactKeys && !Array.isArray(frame.source) ? redactString(key) : key;
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
