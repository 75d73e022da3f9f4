// `npm start`: builds what the quickstart needs (the packages and its editor page), then runs
// the quickstart server in the foreground until Ctrl+C. The README's register-and-run example
// stays runnable with `npm run start -w @flowloom/example-register-and-run`.
// `npm start -- --check` builds, starts on a free port with an in-memory database, checks the
// page, the API and a sample run, and exits (0 when all work): for CI.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quickstartDir = path.join(root, 'examples', 'quickstart');

console.log('Flowloom: building the packages and the quickstart page...');
const build = spawnSync(
  'npx',
  [
    'turbo',
    'run',
    'build',
    '--filter=@flowloom/example-quickstart...',
    '--output-logs=errors-only',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { TURBO_TELEMETRY_DISABLED: '1', ...process.env },
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

// One Node process with tsx's loader, no wrapper between it and the signals.
const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'server/main.ts', ...process.argv.slice(2)],
  {
    cwd: quickstartDir,
    stdio: 'inherit',
  },
);

// Ctrl+C reaches the whole process group, the server included; a signal sent to this process
// alone (kill, a supervisor) is passed on. Either way this process waits for the server's exit.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
