import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The bundle-size fixture: an editor-only host page (main.tsx) built as a host would build it,
// against the built package (dist/, through its exports). `npm run size` builds it and
// size-limit checks what Flowloom adds to the page. React and react-dom stay external: the host
// has them anyway, so they are not Flowloom's weight; @xyflow/react, zustand and the rest are.

const root = import.meta.dirname;
const outDir = path.join(root, 'dist');
/** Where the initial JavaScript is copied for size-limit: the entry and what it imports statically. */
const initialDir = path.join(outDir, 'initial');

/**
 * Copies the entry chunk and every chunk it imports statically (what the page loads before it
 * runs) to `dist/initial/`; chunks behind a dynamic `import()` (canvas parts, the run workbench,
 * CodeMirror, dagre, the built-ins' fallback metadata) load on demand and stay out.
 */
function collectInitialChunks(): Plugin {
  return {
    name: 'flowloom-size:initial-chunks',
    writeBundle(_options, bundle) {
      rmSync(initialDir, { recursive: true, force: true });
      mkdirSync(initialDir, { recursive: true });
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (seen.has(fileName) || chunk?.type !== 'chunk') return;
        seen.add(fileName);
        copyFileSync(path.join(outDir, fileName), path.join(initialDir, path.basename(fileName)));
        for (const imported of chunk.imports) visit(imported);
      };
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry) visit(fileName);
      }
    },
  };
}

export default defineConfig({
  root,
  logLevel: 'warn',
  plugins: [react(), collectInitialChunks()],
  build: {
    outDir,
    emptyOutDir: true,
    // Source maps let a bundle visualizer (e.g. source-map-explorer) name what weighs.
    sourcemap: true,
    rollupOptions: {
      external: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'],
    },
  },
});
