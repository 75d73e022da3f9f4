import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';

/** Where a page of instances ends: its last instance's sort key. */
export interface InstanceCursor {
  created_at: string;
  instance_id: string;
}

/**
 * The opaque cursor after an instance, in the order instance lists use (newest `created_at`
 * first, then `instance_id` descending). The same in every store, so a server can page a list
 * it filters itself.
 */
export function encodeInstanceCursor(position: InstanceCursor): string {
  const bytes = new TextEncoder().encode(
    JSON.stringify([position.created_at, position.instance_id]),
  );
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * The position a cursor made by {@link encodeInstanceCursor} stands for.
 *
 * @throws FlowloomError `VALIDATION_FAILED` for anything else.
 */
export function decodeInstanceCursor(cursor: string): InstanceCursor {
  try {
    if (!/^[A-Za-z0-9_-]{1,8192}$/.test(cursor)) throw new Error('not base64url');
    const binary = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { created_at: value[0], instance_id: value[1] };
    }
  } catch {
    // Answered below: every malformed cursor gets the same error.
  }
  throw new FlowloomError(ErrorCode.VALIDATION_FAILED, 'Invalid cursor', {
    issues: [{ path: 'cursor', message: 'Not a cursor of this list: use a next_cursor as given' }],
  });
}

/** Whether an instance comes after a cursor in list order (newest first). */
export function isAfterCursor(instance: InstanceCursor, cursor: InstanceCursor): boolean {
  if (instance.created_at !== cursor.created_at) return instance.created_at < cursor.created_at;
  return instance.instance_id < cursor.instance_id;
}
