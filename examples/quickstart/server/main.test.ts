import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

// Each test starts a real process through tsx: on a loaded 2-core machine that alone takes
// seconds, so the waits are generous (they end as soon as the process answers).
const PROCESS_TIMEOUT_MS = 60_000;
const MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');
let child: ChildProcess | undefined;
let tempDir: string | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
});

function waitFor<T>(what: string, ms: number, register: (resolve: (value: T) => void) => void) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

it.each(['SIGINT', 'SIGTERM'] as const)(
  'main prints the address, warns the API is open, and on %s shuts down and exits 0',
  async (signal) => {
    tempDir = mkdtempSync(path.join(tmpdir(), 'flowloom-quickstart-main-'));
    const process_ = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: { ...process.env, PORT: '0', DATABASE_PATH: path.join(tempDir, 'flowloom.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = process_;
    let stdout = '';
    let stderr = '';
    process_.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const port = await waitFor<string>('the address line', 45_000, (resolve) => {
      process_.stdout?.on('data', (chunk) => {
        stdout += chunk;
        const match = /Flowloom quickstart: open http:\/\/localhost:(\d+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
    });
    expect(stderr).toContain('no authentication');
    const response = await fetch(`http://127.0.0.1:${port}/api/workflow/editor/list`);
    expect(response.status).toBe(200);

    const exited = waitFor<number | null>('the exit', 10_000, (resolve) =>
      process_.once('exit', (code) => resolve(code)),
    );
    process_.kill(signal);
    expect(await exited).toBe(0);
    expect(stdout).toContain('Shutting down...');
  },
  PROCESS_TIMEOUT_MS,
);

it(
  'main --check starts on a free port with an in-memory database, checks a sample run and exits 0',
  async () => {
    const { DATABASE_PATH: _ignored, PORT: _port, ...env } = process.env;
    const process_ = spawn(process.execPath, ['--import', 'tsx', MAIN, '--check'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = process_;
    let stdout = '';
    process_.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    const code = await waitFor<number | null>('the exit', 45_000, (resolve) =>
      process_.once('exit', (exitCode) => resolve(exitCode)),
    );
    expect(stdout).toContain('Check passed');
    expect(code).toBe(0);
  },
  PROCESS_TIMEOUT_MS,
);
