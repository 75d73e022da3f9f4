import path from 'node:path';

/**
 * The npm package name for an app written into `directory`: its last segment, lower-cased, with
 * anything npm refuses in a name turned into `-`.
 *
 * @example
 * packageNameOf('./apps/My App'); // 'my-app'
 */
export function packageNameOf(directory: string): string {
  const name = path
    .basename(path.resolve(directory))
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name.slice(0, 214) || 'flowloom-app';
}
