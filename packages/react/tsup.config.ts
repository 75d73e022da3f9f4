import { rmSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

// The German catalogue is an entry of its own: it weighs nothing until a host imports it (the
// components bring their English words with the part that shows them).
const publicEntries = {
  index: 'src/index.ts',
  testing: 'src/testing.ts',
  'locales/de': 'src/locales/de.ts',
};

const shared: Options = {
  sourcemap: true,
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
    // reached through a dynamic import(): the host's bundler splits CodeMirror off with it. In
    // CJS the require()s run on first use.
    '@codemirror/view',
    '@codemirror/state',
    '@codemirror/autocomplete',
  ],
  // The three builds run at once: one clean below, none of their own.
  clean: false,
};

rmSync('dist', { recursive: true, force: true });

export default defineConfig([
  // The entries' types: `.d.ts` and `.d.cts`.
  { ...shared, entry: publicEntries, format: ['esm', 'cjs'], dts: { only: true } },
  // CommonJS: one file per entry.
  { ...shared, entry: publicEntries, format: ['cjs'] },
  // ESM, one module per source file (every file is an entry; shared code lands in chunks), so a
  // host's bundler keeps only the modules its page uses (`sideEffects` lists only CSS): one
  // bundled file would keep every top-level `memo()`, `lazy()` and `createContext()` call, used
  // or not. The lazy parts (canvas parts, run workbench, expression editor) stay behind their
  // dynamic import()s. size/ measures what an editor-only page gets.
  {
    ...shared,
    entry: [
      'src/**/*.ts',
      'src/**/*.tsx',
      '!src/**/*.test.ts',
      '!src/**/*.test.tsx',
      '!src/**/*.test-d.tsx',
      '!src/**/*.test-helpers.ts',
      '!src/**/*.stories.tsx',
      '!src/editor/workbenchStoryState.ts',
    ],
    format: ['esm'],
    async onSuccess() {
      await mkdir('dist', { recursive: true });
      await copyFile('src/styles/styles.css', 'dist/styles.css');
    },
  },
]);
