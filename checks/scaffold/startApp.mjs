// Starts a scaffolded app's process and waits for the line that says where it listens.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const START_TIMEOUT_MS = 60_000;

/** A port that was free a moment ago, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `node ...command` in `cwd` (its own process group, so the children stop with it) and
 * resolves with the URL the first group of `ready` captures from its output, once `alsoReady`
 * (if given) has shown too.
 */
export function startApp({ cwd, command, env, ready, alsoReady }) {
  const child = spawn(process.execPath, command, {
    cwd,
    env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The app did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk;
      const url = ready.exec(output)?.[1];
      if (url && (!alsoReady || alsoReady.test(output))) {
        clearTimeout(timer);
        resolve({ url, stop, output: () => output });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      process.stderr.write(chunk);
      onData(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The app exited (${code}) before it was ready:\n${output}`));
    });
  });
}
