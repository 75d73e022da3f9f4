// One address, `local@domain`: no display name, no list, no whitespace. The domain may be a
// single label (`root@localhost`) so that local test servers work.
const LOCAL_PART = String.raw`[^\s@<>(),;:"\\[\]]+`;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const ADDRESS = new RegExp(`^${LOCAL_PART}@${LABEL}(?:\\.${LABEL})*$`);

/**
 * Why `value` is not one plain email address (`name@example.com`), or `undefined` when it is.
 *
 * @remarks This catches addresses that are clearly wrong; the SMTP server has the last word on
 * whether a mailbox exists.
 */
export function findAddressProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'To Email must be a string';
  if (!ADDRESS.test(value)) {
    return `To Email "${value}" is not one email address like name@example.com`;
  }
  return undefined;
}
