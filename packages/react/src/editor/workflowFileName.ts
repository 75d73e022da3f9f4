/** Characters no file system takes in a name, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * The name an exported workflow is downloaded as: `<name>.flowloom.json`, with the characters
 * file systems refuse replaced by `_` (a name may hold `/` or `:`).
 *
 * @example workflowFileName('Orders: nightly') // → 'Orders_ nightly.flowloom.json'
 */
export function workflowFileName(name: string): string {
  const safe = name.replace(UNSAFE, '_').trim().replace(/^\.+/, '');
  return `${safe || 'workflow'}.flowloom.json`;
}
