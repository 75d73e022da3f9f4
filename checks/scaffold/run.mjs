// The scaffolder check: packs the packages, runs the packed create-flowloom for each server
// (express, fastify, hono), installs the app (the @flowloom tarballs, the rest from npm's cache
// or the registry), builds it, starts it on 127.0.0.1 with a free port, and checks in Chromium
// that the editor loads the sample workflow and that a run of it, through the custom Greet
// component, completes with live statuses. For express it also runs `npm run dev` (Vite's dev
// server proxying the API, WebSocket included) and checks the same in the browser.
// `node checks/scaffold/run.mjs [express|fastify|hono ...]` after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { npmInstall, packTarballs, step, temporaryFolder } from '../packTarballs.mjs';
import { checkInBrowser } from './checkInBrowser.mjs';
import { localPrebuilds } from './localPrebuilds.mjs';
import { freePort, startApp } from './startApp.mjs';

const SERVERS = ['express', 'fastify', 'hono'];
const servers = process.argv.slice(2).length > 0 ? process.argv.slice(2) : SERVERS;
const DEV_SERVER = 'express';
const started = Date.now();
const folder = temporaryFolder('flowloom-scaffold-');

step(started, `packing the packages into ${folder}/packs`);
const tarballs = packTarballs(path.join(folder, 'packs'));
// The scaffolder as npm would run it: from its tarball, with nothing else installed.
const scaffolderDir = path.join(folder, 'create-flowloom');
mkdirSync(scaffolderDir);
execFileSync('tar', ['-xzf', tarballs['create-flowloom'], '-C', scaffolderDir]);
const scaffolder = path.join(scaffolderDir, 'package', 'dist', 'cli.js');
const prebuilds = localPrebuilds(path.join(folder, 'prebuilds'));

for (const server of servers) {
  const app = path.join(folder, `${server}-app`);
  step(started, `${server}: create-flowloom ${path.basename(app)} --server ${server}`);
  execFileSync(process.execPath, [scaffolder, app, '--server', server], { stdio: 'inherit' });

  step(started, `${server}: npm install (the @flowloom tarballs, the rest from npm)`);
  npmInstall(
    app,
    [tarballs['@flowloom/core'], tarballs['@flowloom/react'], tarballs['@flowloom/server-adapter']],
    prebuilds.env,
  );
  // better-sqlite3 compiles its addon on install (about a minute here): the first app does,
  // the others take that build through prebuild-install's own local-prebuild lookup.
  prebuilds.keep(app);

  step(started, `${server}: npm run build`);
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: app, stdio: 'inherit' });

  step(started, `${server}: npm start on 127.0.0.1, a free port`);
  const production = await startApp({
    cwd: app,
    command: ['--import', 'tsx', 'server/main.ts', '--serve-page'],
    env: { PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: path.join(app, 'data', 'start.db') },
    ready: /Open (http:\/\/127\.0\.0\.1:\d+)/,
  });
  try {
    await checkInBrowser(production.url, path.join(folder, `${server}-chromium`));
    step(started, `${server}: the editor loaded the sample and ran it, statuses live`);
  } finally {
    await production.stop();
  }

  if (server === DEV_SERVER) {
    step(started, `${server}: npm run dev (Vite proxying /api, ws: true)`);
    const [apiPort, vitePort] = [await freePort(), await freePort()];
    const dev = await startApp({
      cwd: app,
      command: [
        'scripts/dev.mjs',
        '--port',
        String(vitePort),
        '--strictPort',
        '--host',
        '127.0.0.1',
      ],
      env: { API_PORT: String(apiPort), DATABASE_PATH: path.join(app, 'data', 'dev.db') },
      ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/,
      alsoReady: /Flowloom API on/,
    });
    try {
      await checkInBrowser(dev.url, path.join(folder, `${server}-dev-chromium`));
      step(
        started,
        `${server}: npm run dev serves the editor, and the run streams through the proxy`,
      );
    } finally {
      await dev.stop();
    }
  }
}
step(started, `create-flowloom apps work on ${servers.join(', ')}`);
