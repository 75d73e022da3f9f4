import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the `create-flowloom` bin; `index` the same steps as functions, for tools and tests.
  entry: { cli: 'src/cli.ts', index: 'src/index.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
});
