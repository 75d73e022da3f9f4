import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPackageJson, type FlowloomVersions } from './appPackageJson';
import { flowloomVersions } from './flowloomVersions';
import { packageNameOf } from './packageNameOf';
import type { ServerChoice } from './serverChoice';

/** Options of {@link scaffoldApp}. */
export interface ScaffoldOptions {
  /** Where to write the app; created when missing, refused when it holds anything. */
  directory: string;
  /** The framework the API is mounted on. */
  server: ServerChoice;
  /**
   * The `@flowloom/*` ranges to depend on.
   * @default the ones in create-flowloom's own package.json
   */
  versions?: FlowloomVersions;
}

/** What {@link scaffoldApp} wrote. */
export interface ScaffoldedApp {
  /** The app's absolute path. */
  directory: string;
  /** Its package name. */
  name: string;
  /** The files written, relative to `directory`, `/`-separated and sorted. */
  files: string[];
}

/** The templates, shipped in the package next to `dist/`. */
const TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url));

// npm leaves `.gitignore` out of published packages, so the template ships it as `_gitignore`.
const RENAMED: Record<string, string> = { _gitignore: '.gitignore' };

/**
 * Writes a Flowloom host app: `templates/common` plus the chosen server's `server/main.ts`, with
 * `{{name}}` and `{{server}}` filled in, and a `package.json` for that server.
 *
 * @throws Error when `directory` exists and is not an empty folder; nothing is written then.
 * @example
 * await scaffoldApp({ directory: 'my-app', server: 'fastify' });
 */
export async function scaffoldApp(options: ScaffoldOptions): Promise<ScaffoldedApp> {
  const directory = path.resolve(options.directory);
  await assertWritable(directory);
  const name = packageNameOf(directory);
  const values: Record<string, string> = { name, server: options.server };
  const files: string[] = [];
  for (const source of [path.join(TEMPLATES, 'common'), path.join(TEMPLATES, options.server)]) {
    for (const relative of await listFiles(source)) {
      const target = relative
        .split('/')
        .map((part) => RENAMED[part] ?? part)
        .join('/');
      const text = await readFile(path.join(source, relative), 'utf8');
      await writeText(directory, target, fillPlaceholders(text, values));
      files.push(target);
    }
  }
  const manifest = appPackageJson(name, options.server, options.versions ?? flowloomVersions());
  await writeText(directory, 'package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  files.push('package.json');
  return { directory, name, files: files.sort() };
}

async function assertWritable(directory: string): Promise<void> {
  const found = await stat(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!found) return;
  if (!found.isDirectory()) throw new Error(`${directory} exists and is not a folder`);
  const entries = await readdir(directory);
  if (entries.length > 0) {
    throw new Error(
      `${directory} is not empty (${entries.length} entries): choose a new folder name, or empty it first`,
    );
  }
}

/** Every file under `root`, relative and `/`-separated. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'))
    .sort();
}

function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(name|server)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

async function writeText(root: string, relative: string, text: string): Promise<void> {
  const target = path.join(root, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text, { flag: 'wx' });
}
