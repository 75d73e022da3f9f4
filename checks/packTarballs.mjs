// Packs workspace packages with `npm pack`, as they would be published, for the checks that
// install them into a fresh project outside the monorepo.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const FOLDERS = {
  '@flowloom/core': 'packages/core',
  '@flowloom/server-adapter': 'packages/server-adapter',
  '@flowloom/react': 'packages/react',
  'create-flowloom': 'packages/create-flowloom',
};

/**
 * Packs `names` into `destination` and returns each package's tarball path. The packages must
 * be built (`npm run build`): a tarball without `dist/` would test nothing.
 */
export function packTarballs(destination, names = Object.keys(FOLDERS)) {
  mkdirSync(destination, { recursive: true });
  const tarballs = {};
  for (const name of names) {
    const folder = path.join(ROOT, FOLDERS[name]);
    if (!existsSync(path.join(folder, 'dist'))) {
      throw new Error(`${name} is not built: run \`npm run build\` first`);
    }
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
      cwd: folder,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [{ filename }] = JSON.parse(output);
    tarballs[name] = path.join(destination, filename);
  }
  return tarballs;
}

/** A fresh temporary folder, removed when the process exits unless `KEEP_CHECK_DIRS` is set. */
export function temporaryFolder(prefix) {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: the checks run outside turbo
  if (!process.env.KEEP_CHECK_DIRS) {
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  return folder;
}

/**
 * Runs `npm install` in `cwd` with the given specs. `--prefer-offline` takes what npm's cache
 * holds and asks the registry only for the rest: a strictly offline install fails on a clean
 * machine, whose cache has the tarballs `npm ci` fetched but not the package documents that
 * resolving version ranges needs.
 */
export function npmInstall(cwd, specs = [], env = {}) {
  execFileSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs],
    { cwd, stdio: 'inherit', env: { ...process.env, ...env } },
  );
}

/** Prints a check's step with the seconds since `started`. */
export function step(started, text) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${text}`);
}
