import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./vitest.setup.ts'],
    css: false,
    // CI runs every package's tests at once on two cores, where rendering the whole editor in
    // jsdom can take seconds: a test waiting on the UI (up to 5 s in places) needs room for it.
    testTimeout: 20_000,
    typecheck: { include: ['src/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
  },
});
