import { defineConfig } from 'vitest/config';

// The browser tests: Playwright drives Debian's Chromium against the quickstart started on a
// free port with a fresh database. One file at a time, so two Chromiums never share the CPU.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
