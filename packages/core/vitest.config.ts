import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // CI runs every package's tests at once on two cores: a run of thousands of steps, or one
    // waiting on real timers, can take seconds there that it takes milliseconds here.
    testTimeout: 15_000,
    typecheck: { include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.test.json' },
  },
});
