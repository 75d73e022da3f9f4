import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The folder the peers are installed in: a package of its own beside the bench, never a
 * workspace, so the monorepo's `npm ci` never pulls them.
 */
export const VENDOR_DIR = fileURLToPath(new URL('./vendor/', import.meta.url));

/** The pinned versions, as `vendor/package.json` lists them. */
function pinned(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(`${VENDOR_DIR}package.json`, 'utf8'));
  return manifest.dependencies as Record<string, string>;
}

function installedVersion(name: string): string | undefined {
  const path = `${VENDOR_DIR}node_modules/${name}/package.json`;
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')).version as string) : undefined;
}

/**
 * Installs Node-RED and n8n's engine at their pinned versions when they are missing (a minute
 * or so, from the npm registry). `--ignore-scripts`: n8n-core's `isolated-vm` needs Node ≥ 24 to
 * compile, and is not loaded by workflows without expressions.
 *
 * @returns false when the install failed (offline, say): the peers are then left out.
 */
export function installPeers(): boolean {
  const missing = Object.entries(pinned()).filter(
    ([name, version]) => installedVersion(name) !== version,
  );
  if (missing.length === 0) return true;
  console.log(
    `Installing the peers into ${VENDOR_DIR} (${missing.map(([n, v]) => `${n}@${v}`).join(', ')})…`,
  );
  try {
    execFileSync(
      'npm',
      [
        'install',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        '--workspaces=false',
        '--loglevel=error',
      ],
      { cwd: VENDOR_DIR, stdio: 'inherit' },
    );
    return true;
  } catch (error) {
    console.warn(`[bench] The peers could not be installed: ${(error as Error).message}`);
    return false;
  }
}
