import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    express: 'src/adapters/express.ts',
    fastify: 'src/adapters/fastify.ts',
    hono: 'src/adapters/hono.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  // Database drivers stay the host's install: better-sqlite3 is a native addon, pg a pool.
  external: ['better-sqlite3', 'pg', 'express', 'fastify', 'ioredis'],
});
