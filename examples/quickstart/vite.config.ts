import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The page the quickstart server serves from `dist/`; `npm run dev` is not needed for it.
export default defineConfig({
  base: '/',
  plugins: [react()],
  // One chunk of ~600 kB (React, @xyflow/react, the editor): fine for a local page.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});
