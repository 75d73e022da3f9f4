import { rmSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const publicEntries = ['src/index.ts', 'src/testing.ts', 'src/storeContract.ts'];

const shared: Options = {
  sourcemap: true,
  target: 'es2022',
  // Keep the main entry platform-neutral: no Node or DOM shims get injected.
  platform: 'neutral',
  external: ['vitest'],
  // The three builds run at once: one clean below, none of their own.
  clean: false,
};

rmSync('dist', { recursive: true, force: true });

export default defineConfig([
  // The entries' types: `.d.ts` and `.d.cts`.
  { ...shared, entry: publicEntries, format: ['esm', 'cjs'], dts: { only: true } },
  // CommonJS (Node's `require`): one file per entry.
  { ...shared, entry: publicEntries, format: ['cjs'] },
  // ESM, one module per source file (every file is an entry; shared code lands in chunks), so a
  // host's bundler keeps only the modules it uses: with `sideEffects: false`, a browser page
  // that imports `isFinalInstanceStatus` gets that function, not every schema, zod and croner.
  // One bundled file would keep every top-level schema call, and zod with them.
  {
    ...shared,
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/**/*.test-helpers.ts'],
    format: ['esm'],
  },
]);
