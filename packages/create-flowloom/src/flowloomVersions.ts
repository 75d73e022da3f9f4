import { readFileSync } from 'node:fs';
import type { FlowloomVersions } from './appPackageJson';

/**
 * The `@flowloom/*` ranges this scaffolder writes: the ones in its own `package.json`, which
 * changesets keeps in step with the packages' releases.
 */
export function flowloomVersions(): FlowloomVersions {
  // `src/` and `dist/` both sit one level under the package root.
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { devDependencies?: Record<string, string> };
  const range = (name: string) => {
    const found = manifest.devDependencies?.[name];
    if (!found) throw new Error(`create-flowloom's package.json does not list ${name}`);
    return found;
  };
  return {
    core: range('@flowloom/core'),
    react: range('@flowloom/react'),
    serverAdapter: range('@flowloom/server-adapter'),
  };
}
