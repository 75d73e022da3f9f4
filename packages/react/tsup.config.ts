import { copyFile, mkdir } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', testing: 'src/testing.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Peers and heavy optional parts stay out of the bundle: the host installs them once.
  external: [
    'react',
    'react-dom',
    'react/jsx-runtime',
    'msw',
    '@xyflow/react',
    'zustand',
    '@dagrejs/dagre',
  ],
  async onSuccess() {
    await mkdir('dist', { recursive: true });
    await copyFile('src/styles/styles.css', 'dist/styles.css');
  },
});
