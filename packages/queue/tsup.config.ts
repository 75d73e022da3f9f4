import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  // The host's own installs: one copy of BullMQ and ioredis in the process.
  external: ['bullmq', 'ioredis', 'prom-client'],
  // import.meta.url in the CJS build (the metrics load the host's prom-client through it).
  shims: true,
});
