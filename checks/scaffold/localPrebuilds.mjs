// Reuses one app's compiled better-sqlite3 addon for the next apps of the same check, through
// prebuild-install's local-prebuild lookup (`npm_config_better_sqlite3_local_prebuilds`): the
// install script still runs, it just finds the build instead of compiling for a minute.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function localPrebuilds(folder) {
  const env = {};
  return {
    env,
    /** Packs `app`'s compiled addon as the prebuild the next installs look for (once). */
    keep(app) {
      if (env.npm_config_better_sqlite3_local_prebuilds) return;
      const packageDir = path.join(app, 'node_modules', 'better-sqlite3');
      const addon = path.join('build', 'Release', 'better_sqlite3.node');
      if (!existsSync(path.join(packageDir, addon))) return;
      const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
      // prebuild-install's file name: {name}-v{version}-{runtime}-v{abi}-{platform}-{arch}.
      const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
      mkdirSync(folder, { recursive: true });
      execFileSync('tar', ['-czf', path.join(folder, name), '-C', packageDir, addon]);
      env.npm_config_better_sqlite3_local_prebuilds = folder;
    },
  };
}
