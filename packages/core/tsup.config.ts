import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/testing.ts', 'src/storeContract.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Keep the main entry platform-neutral: no Node or DOM shims get injected.
  platform: 'neutral',
  external: ['vitest'],
});
