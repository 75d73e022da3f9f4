import { copyFile, mkdir } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  // The German catalogue is an entry of its own: it weighs nothing until a host imports it (the
  // components bring their English words with the part that shows them).
  entry: { index: 'src/index.ts', testing: 'src/testing.ts', 'locales/de': 'src/locales/de.ts' },
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
    // CodeMirror is imported only by src/editor/expressions/createExpressionEditor.ts, which is
    // reached through a dynamic import(): ESM splitting (on for ESM) makes it a chunk of its own
    // (createExpressionEditor-*.js, outside the size budget's index.js + chunk-*.js), and the
    // host's bundler splits CodeMirror off with it. In CJS the require()s run on first use.
    '@codemirror/view',
    '@codemirror/state',
    '@codemirror/autocomplete',
  ],
  async onSuccess() {
    await mkdir('dist', { recursive: true });
    await copyFile('src/styles/styles.css', 'dist/styles.css');
  },
});
