// `npm run dev`: the API server (restarted when a server file changes) and Vite's dev server,
// which serves the page with hot reload and proxies /api, WebSocket included, to the API.
// Arguments after `npm run dev --` go to Vite (e.g. `-- --port 5180`).
import { spawn } from 'node:child_process';
import path from 'node:path';

const apiPort = process.env.API_PORT ?? '3001';
const env = { ...process.env, API_PORT: apiPort, PORT: apiPort };
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], {
    stdio: 'inherit',
    env,
  }),
  spawn(
    process.execPath,
    [path.join('node_modules', 'vite', 'bin', 'vite.js'), ...process.argv.slice(2)],
    { stdio: 'inherit', env },
  ),
];

// When one stops, stop the other; Ctrl+C reaches both through the terminal.
for (const child of children) {
  child.on('exit', (code) => {
    for (const other of children) if (other !== child && other.exitCode === null) other.kill();
    process.exitCode = code ?? 0;
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  });
}
