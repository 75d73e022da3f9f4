import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '@flowloom/server-adapter';
import { afterEach, beforeEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiJson, listSavedWorkflows } from './quickstartApi.test-helpers';
import { startQuickstart } from './startQuickstart';

const quietLogger = { info() {}, warn() {}, error: console.error };
let tempDir: string;

beforeEach(() => {
  tempDir = mkdtempSync(path.join(tmpdir(), 'flowloom-quickstart-close-'));
});

afterEach(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

function nextClose(socket: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The WebSocket did not close in 5 s')), 5_000);
    socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

it('close() leaves the running run interrupted (not cancelled), closes its WebSocket, the HTTP server and the database', async () => {
  const databasePath = path.join(tempDir, 'flowloom.db');
  const quickstart = await startQuickstart({
    port: 0,
    host: '127.0.0.1',
    databasePath,
    logger: quietLogger,
  });
  const workflow = (await listSavedWorkflows(quickstart.url)).find(
    (w) => w.name === 'Parallel fan-out',
  );
  const { instance_id } = await apiJson<{ instance_id: string }>(
    `${quickstart.url}/api/workflow/instances`,
    {
      method: 'POST',
      body: JSON.stringify({ name: 'Closing', workflow_id: workflow?.workflow_id }),
    },
  );
  await apiJson(`${quickstart.url}/api/workflow/instances/${instance_id}/execute`, {
    method: 'POST',
    body: JSON.stringify({ input_data: {} }),
  });
  const socket = new WebSocket(
    `${quickstart.url.replace('http', 'ws')}/api/workflow/ws/${instance_id}?since=0`,
  );
  const firstMessage = new Promise((resolve) => socket.once('message', resolve));
  await firstMessage;
  const closed = nextClose(socket);

  await quickstart.close({ graceMs: 0 });

  expect(await closed).toBe(1001);
  await expect(fetch(`${quickstart.url}/api/workflow/components`)).rejects.toThrow();
  // The database was closed cleanly and the run was left to resume at the next start.
  const store = new SqliteStore(databasePath);
  try {
    expect((await store.getInstance(instance_id))?.status).toBe('interrupted');
  } finally {
    await store.close();
  }
});

it('close() can be called twice', async () => {
  const quickstart = await startQuickstart({
    port: 0,
    host: '127.0.0.1',
    databasePath: ':memory:',
    logger: quietLogger,
  });
  await Promise.all([quickstart.close(), quickstart.close()]);
  await quickstart.close();
});
