import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The modules an entry imports from outside the package once bundled. */
async function externalImportsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((imported) => imported.external).map((imported) => imported.path),
  );
}

describe('@flowloom/core/testing', () => {
  it('does not import vitest when loaded', async () => {
    expect(await externalImportsOf('./testing.ts')).not.toContain('vitest');
  });

  it('leaves the vitest store contract suite to its own entry', async () => {
    expect(await externalImportsOf('./storeContract.ts')).toContain('vitest');
  });
});
