import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Where `npm run dev` runs the API (scripts/dev.mjs sets it; 3001 otherwise).
const apiPort = process.env.API_PORT ?? '3001';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      // The workflow API and its WebSocket live on the API server. `ws: true` passes the
      // WebSocket upgrade through as well: without it runs still complete, but the editor's
      // run panel says "Disconnected" and shows no live events.
      '/api': { target: `http://127.0.0.1:${apiPort}`, ws: true },
    },
  },
});
