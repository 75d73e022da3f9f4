// The fresh-install check for a PostgreSQL-only host: installs the packed @flowloom/core and
// @flowloom/server-adapter with `pg` into a new project and checks that npm installed no
// better-sqlite3 (nor rate-limiter-flexible), that both the ESM and the CJS build run a
// workflow on PostgresStore (when DATABASE_URL is set), and that a part whose driver is
// missing names the package to install.
// `node checks/postgres-only/run.mjs` after `npm run build`; KEEP_CHECK_DIRS=1 keeps the project.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmInstall, packTarballs, step, temporaryFolder } from '../packTarballs.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const project = temporaryFolder('flowloom-postgres-only-');

step(started, `packing the packages into ${project}/packs`);
const tarballs = packTarballs(path.join(project, 'packs'), [
  '@flowloom/core',
  '@flowloom/server-adapter',
]);
writeFileSync(
  path.join(project, 'package.json'),
  `${JSON.stringify({ name: 'flowloom-postgres-host', private: true, type: 'module' }, null, 2)}\n`,
);
step(started, 'installing the tarballs alone: a store without its driver must name it');
npmInstall(project, Object.values(tarballs));
const missingPg = `
  import { PostgresStore } from '@flowloom/server-adapter';
  try {
    new PostgresStore({ connectionString: 'postgres://127.0.0.1/none' });
    throw new Error('PostgresStore was made without pg installed');
  } catch (error) {
    if (error.message !== "PostgresStore needs the 'pg' package: npm install pg") throw error;
  }`;
execFileSync(process.execPath, ['--input-type=module', '-e', missingPg], {
  cwd: project,
  stdio: 'inherit',
});
step(started, `without pg: "PostgresStore needs the 'pg' package: npm install pg"`);

step(started, 'installing pg, as a PostgreSQL host would');
npmInstall(project, ['pg@8.23.1']);

const lock = readFileSync(path.join(project, 'package-lock.json'), 'utf8');
for (const absent of ['better-sqlite3', 'rate-limiter-flexible', 'express', 'fastify']) {
  if (
    existsSync(path.join(project, 'node_modules', absent)) ||
    lock.includes(`node_modules/${absent}"`)
  ) {
    throw new Error(`A PostgreSQL-only host got ${absent} installed`);
  }
}
step(started, 'installed without better-sqlite3, rate-limiter-flexible, express or fastify');

cpSync(path.join(HERE, 'probe.mjs'), path.join(project, 'probe.mjs'));
cpSync(path.join(HERE, 'probe.cjs'), path.join(project, 'probe.cjs'));
for (const probe of ['probe.mjs', 'probe.cjs']) {
  execFileSync(process.execPath, [probe], { cwd: project, stdio: 'inherit', env: process.env });
  step(started, `${probe} passed`);
}
step(started, 'a PostgreSQL-only host installs and runs without better-sqlite3');
