import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    express: 'src/adapters/express.ts',
    fastify: 'src/adapters/fastify.ts',
    hono: 'src/adapters/hono.ts',
    // The code sandbox's worker thread: createCodeSandbox finds it as ./code-sandbox-worker.
    codeSandboxWorker: 'src/sandbox/codeSandboxWorker.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  // import.meta.url in the CJS build (the sandbox finds its worker script through it).
  shims: true,
  // Database drivers stay the host's install: better-sqlite3 is a native addon, pg a pool.
  external: ['better-sqlite3', 'pg', 'express', 'fastify', 'ioredis'],
});
