import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const coreSource = (path: string) => fileURLToPath(new URL(`../core/src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // As in server-adapter: tests run against the core's source, no rebuild needed.
    alias: [
      { find: /^@flowloom\/core$/, replacement: coreSource('index.ts') },
      { find: /^@flowloom\/core\/testing$/, replacement: coreSource('testing.ts') },
    ],
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
