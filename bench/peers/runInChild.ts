import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs one engine's measurements in a fresh Node process and returns the JSON it prints last:
 * each engine gets a heap, a JIT and an event loop of its own, none warmed by the others.
 */
export function runInChild<T>(script: string, args: readonly string[] = []): T {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const output = execFileSync(process.execPath, ['--import', 'tsx', path, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = output.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

/** The chain sizes every engine runs. */
export const PEER_CHAIN_SIZES = [10, 100, 1_000, 10_000] as const;

/** µs per step by chain size; `null` where the engine could not run the chain. */
export type PeerResult = Record<string, number | null>;
