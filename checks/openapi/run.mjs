// `npm run check:openapi`: the OpenAPI and AsyncAPI documents the API serves pass Redocly's
// recommended ruleset with 0 errors, for an open server (the quickstart's) and for one with
// authentication described (`openapi.securitySchemes`). Uses the built packages (`npm run build`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryStore } from '@flowloom/core';
import { createWorkflowServer } from '@flowloom/server-adapter';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const redocly = path.join(root, 'node_modules/.bin/redocly');
const folder = mkdtempSync(path.join(tmpdir(), 'flowloom-openapi-'));
const silent = { info() {}, warn() {}, error: console.error };

const servers = {
  open: createWorkflowServer({ store: new MemoryStore(), sandbox: false, logger: silent }),
  authenticated: createWorkflowServer({
    store: new MemoryStore(),
    sandbox: false,
    logger: silent,
    authenticate: (request) => (request.headers.get('authorization') ? { id: 'user' } : null),
    openapi: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      servers: [{ url: 'https://workflows.acme.dev', description: 'Production' }],
    },
  }),
};

const files = [];
try {
  for (const [name, server] of Object.entries(servers)) {
    for (const document of ['openapi', 'asyncapi']) {
      const response = await server.fetch(
        new Request(`http://127.0.0.1:8000${server.basePath}/${document}.json`, {
          headers: { authorization: 'Bearer check' },
        }),
      );
      if (response.status !== 200) throw new Error(`${name} ${document}.json: ${response.status}`);
      const file = path.join(folder, `${name}.${document}.json`);
      writeFileSync(file, JSON.stringify(await response.json(), null, 2));
      files.push(file);
    }
  }
  for (const file of files) {
    console.log(`== redocly lint ${path.basename(file)}`);
    // Exits non-zero on any error; warnings are printed and allowed.
    execFileSync(redocly, ['lint', file, '--format=summary'], {
      stdio: 'inherit',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
  }
  console.log(`== ${files.length} documents: 0 errors`);
} finally {
  await Promise.all(Object.values(servers).map((server) => server.close({ graceMs: 0 })));
  rmSync(folder, { recursive: true, force: true });
}
