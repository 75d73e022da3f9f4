import { describe, expect, it } from 'vitest';
import { decodeInstanceCursor, encodeInstanceCursor, isAfterCursor } from './instanceCursor';

describe('instance cursors', () => {
  it('round-trips a position, unicode and quotes included', () => {
    for (const instance_id of ['inst_1', 'a"b\\c', 'ünï 🙂', 'x\u0000y']) {
      const position = { created_at: '2026-01-01T00:00:00.000Z', instance_id };
      const cursor = encodeInstanceCursor(position);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeInstanceCursor(cursor)).toEqual(position);
    }
  });

  it.each([
    ['not base64url', 'a b'],
    ['empty', ''],
    ['not JSON', encode('nope')],
    ['not a pair', encode('["2026-01-01"]')],
    ['not strings', encode('[1, 2]')],
    ['an object', encode('{"created_at":"x","instance_id":"y"}')],
    ['invalid UTF-8', btoa('\xff\xfe')],
  ])('refuses a cursor that is %s with VALIDATION_FAILED', (_label, cursor) => {
    expect(() => decodeInstanceCursor(cursor)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        issues: [expect.objectContaining({ path: 'cursor' })],
      }),
    );
  });

  it('orders newest first, then by id descending', () => {
    const cursor = { created_at: '2026-01-01T00:00:05.000Z', instance_id: 'm' };
    expect(
      isAfterCursor({ created_at: '2026-01-01T00:00:04.000Z', instance_id: 'z' }, cursor),
    ).toBe(true);
    expect(
      isAfterCursor({ created_at: '2026-01-01T00:00:06.000Z', instance_id: 'a' }, cursor),
    ).toBe(false);
    expect(isAfterCursor({ created_at: cursor.created_at, instance_id: 'l' }, cursor)).toBe(true);
    expect(isAfterCursor({ created_at: cursor.created_at, instance_id: 'n' }, cursor)).toBe(false);
    expect(isAfterCursor(cursor, cursor)).toBe(false);
  });
});

function encode(text: string): string {
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
