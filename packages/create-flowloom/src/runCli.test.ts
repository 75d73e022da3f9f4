import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './runCli';

let root: string;
const lines: { log: string[]; error: string[] } = { log: [], error: [] };
const output = {
  log: (text: string) => lines.log.push(text),
  error: (text: string) => lines.error.push(text),
};
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'create-flowloom-cli-'));
  lines.log = [];
  lines.error = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('runCli', () => {
  it('writes the app, exits 0 and says what to run next', async () => {
    const directory = path.join(root, 'app');
    expect(await runCli([directory, '--server', 'hono'], output)).toBe(0);
    expect(existsSync(path.join(directory, 'server', 'main.ts'))).toBe(true);
    expect(lines.log.join('\n')).toMatch(/npm install[\s\S]*npm run dev/);
  });

  it('exits 1 with the message and the usage on a bad argument', async () => {
    expect(await runCli(['app', '--server', 'koa'], output)).toBe(1);
    expect(lines.error.join('\n')).toMatch(/Unknown server "koa"[\s\S]*Usage:/);
  });

  it('exits 1 without a stack when the folder is not empty', async () => {
    expect(await runCli([root, '--server', 'express'], output)).toBe(0);
    expect(await runCli([root, '--server', 'express'], output)).toBe(1);
    expect(lines.error.join('\n')).toMatch(/is not empty/);
  });

  it('prints the usage and exits 0 for --help', async () => {
    expect(await runCli(['--help'], output)).toBe(0);
    expect(lines.log.join('\n')).toMatch(/^Usage: npm create flowloom@latest/);
  });
});
