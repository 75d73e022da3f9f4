import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs one of the bench's scripts in a fresh Node process and returns the JSON it prints last:
 * what a cold start costs, or what a process holds after some runs, can't be read in a process
 * that has run everything else already.
 */
export function runInFreshProcess<T>(script: string, args: readonly string[]): T {
  const path = fileURLToPath(new URL(script, import.meta.url));
  // Plain JavaScript runs without the TypeScript loader, which has a heap of its own.
  const loader = script.endsWith('.mjs') ? [] : ['--import', 'tsx'];
  const output = execFileSync(process.execPath, ['--expose-gc', ...loader, path, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = output.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}
