import type { ServerChoice } from './serverChoice';

/** The ranges of the `@flowloom/*` packages an app is written with. */
export interface FlowloomVersions {
  core: string;
  react: string;
  serverAdapter: string;
}

// The versions the scaffolder has been checked with (Node 20 and later): a newer major of
// several of these needs Node 22.
const SHARED_DEPENDENCIES = {
  'better-sqlite3': '12.11.1',
  react: '19.3.1',
  'react-dom': '19.3.1',
  tsx: '4.23.15',
};

const SERVER_DEPENDENCIES: Record<ServerChoice, Record<string, string>> = {
  express: { express: '5.3.0' },
  fastify: { fastify: '5.12.8', '@fastify/static': '9.3.0' },
  hono: { hono: '4.13.19', '@hono/node-server': '2.1.9' },
};

const DEV_DEPENDENCIES = {
  '@types/node': '20.19.43',
  '@types/react': '19.3.3',
  '@types/react-dom': '19.3.0',
  '@vitejs/plugin-react': '6.3.0',
  typescript: '5.9.3',
  vite: '8.3.8',
};

const SERVER_DEV_DEPENDENCIES: Record<ServerChoice, Record<string, string>> = {
  express: { '@types/express': '5.0.4' },
  fastify: {},
  hono: {},
};

/** The `package.json` of a scaffolded app: its scripts and what it installs. */
export function appPackageJson(
  name: string,
  server: ServerChoice,
  versions: FlowloomVersions,
): Record<string, unknown> {
  return {
    name,
    version: '0.0.0',
    private: true,
    type: 'module',
    engines: { node: '>=20' },
    scripts: {
      dev: 'node scripts/dev.mjs',
      build: 'tsc --noEmit && vite build',
      start: 'node --import tsx server/main.ts --serve-page',
      typecheck: 'tsc --noEmit',
    },
    dependencies: sorted({
      '@flowloom/core': versions.core,
      '@flowloom/react': versions.react,
      '@flowloom/server-adapter': versions.serverAdapter,
      ...SHARED_DEPENDENCIES,
      ...SERVER_DEPENDENCIES[server],
    }),
    devDependencies: sorted({ ...DEV_DEPENDENCIES, ...SERVER_DEV_DEPENDENCIES[server] }),
    // better-sqlite3 builds its native addon on install; esbuild (under Vite and tsx) checks
    // its binary: npm 11 asks that install scripts be allowed by name.
    allowScripts: { 'better-sqlite3': true, esbuild: true },
  };
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
