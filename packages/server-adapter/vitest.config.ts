import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const coreSource = (path: string) => fileURLToPath(new URL(`../core/src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the core's source, so a core change is tested here without a rebuild
    // (and no test reads a dist another build is rewriting). CI's typecheck still uses dist.
    alias: [
      { find: /^@flowloom\/core$/, replacement: coreSource('index.ts') },
      { find: /^@flowloom\/core\/testing$/, replacement: coreSource('testing.ts') },
      {
        find: /^@flowloom\/core\/testing\/store-contract$/,
        replacement: coreSource('storeContract.ts'),
      },
    ],
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
