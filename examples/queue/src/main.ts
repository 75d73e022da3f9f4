// `npm start`: one API server process and one worker process, as a cluster would run them
// (each is also started alone: `npm run start:api`, `npm run start:worker`).
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const start = (script: string): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], {
    stdio: 'inherit',
    env: process.env,
  });

const children = [start('./api.ts'), start('./worker.ts')];
let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill(signal);
};
process.once('SIGINT', () => stop('SIGINT'));
process.once('SIGTERM', () => stop('SIGTERM'));
// One process ending ends the other: the pair runs together or not at all.
for (const child of children) {
  child.once('exit', (code) => {
    stop('SIGTERM');
    if (children.every((each) => each.exitCode !== null || each.signalCode !== null)) {
      process.exit(code ?? 0);
    }
  });
}
