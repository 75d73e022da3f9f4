// `npm run check:openapi-client`: a client generated from the OpenAPI document drives a real
// server. openapi-typescript writes types from the served document; `driveApi.ts` typechecks
// against them under `strict` (so a schema that does not fit the API fails here), then runs:
// save → create → execute → status → logs with openapi-fetch against a server on 127.0.0.1.
// Uses the built packages (`npm run build`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryStore } from '@flowloom/core';
import { createWorkflowServer } from '@flowloom/server-adapter';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', cwd: here });

const server = createWorkflowServer({
  store: new MemoryStore(),
  sandbox: false,
  logger: { info() {}, warn() {}, error: console.error },
});
const response = await server.fetch(new Request(`http://127.0.0.1${server.basePath}/openapi.json`));
await server.close({ graceMs: 0 });
mkdirSync(path.join(here, 'generated'), { recursive: true });
writeFileSync(path.join(here, 'generated/openapi.json'), await response.text());

console.log('== openapi-typescript: generated/openapi.json → generated/api.d.ts');
run(bin('openapi-typescript'), ['generated/openapi.json', '-o', 'generated/api.d.ts']);
console.log('== tsc --strict on the typed client');
run(bin('tsc'), ['-p', 'tsconfig.json']);
console.log('== the typed client drives a real server');
run(process.execPath, ['--import', 'tsx', 'driveApi.ts']);
