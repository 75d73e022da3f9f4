import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleInstance } from '@flowloom/core/testing';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteStore } from './SqliteStore';
import { StoredInstanceDocuments } from './StoredInstanceDocuments';

const folder = mkdtempSync(join(tmpdir(), 'flowloom-documents-'));
let fileCount = 0;
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('StoredInstanceDocuments, through SqliteStore', () => {
  let file: string;
  let store: SqliteStore;
  beforeEach(() => {
    file = join(folder, `store-${++fileCount}.db`);
    store = new SqliteStore(file);
  });
  afterEach(() => store.close());

  /** Changes the file through a second connection, as another process would. */
  function edit(sql: string): void {
    const db = new Database(file);
    try {
      db.prepare(sql).run();
    } finally {
      db.close();
    }
  }

  it('reads the same record again, sharing one frozen document, after a status update', async () => {
    const created = await store.createInstance(sampleInstance('same'));
    const updated = await store.updateInstance('same', { status: 'running' });
    const read = await store.getInstance('same');
    expect(read).toEqual({ ...created, status: 'running', updated_at: updated.updated_at });
    expect(Object.keys(read!)).toEqual(Object.keys(created));
    expect(read!.workflow_data).toBe(updated.workflow_data);
    expect(Object.isFrozen(read!.workflow_data.nodes[0])).toBe(true);
  });

  it('refuses a document changed by hand after it was read, naming the problem', async () => {
    await store.createInstance(sampleInstance('edited'));
    await store.getInstance('edited');
    edit(
      `UPDATE workflow_instances SET workflow_data = '{"nodes":"none"}' WHERE instance_id = 'edited'`,
    );
    await expect(store.getInstance('edited')).rejects.toMatchObject({
      code: 'INTERNAL_ERROR',
      issues: [expect.objectContaining({ path: 'workflow_data.nodes' })],
    });
  });

  it('reads a valid document changed by hand as it now is', async () => {
    await store.createInstance(sampleInstance('renamed'));
    await store.getInstance('renamed');
    edit(
      `UPDATE workflow_instances SET workflow_data = '{"nodes":[{"id":"n","type":"noop"}],"edges":[]}' WHERE instance_id = 'renamed'`,
    );
    const read = await store.getInstance('renamed');
    expect(read!.workflow_data.nodes.map((node) => node.id)).toEqual(['n']);
  });
});

describe('StoredInstanceDocuments', () => {
  it('keeps only its most recently read documents, validating the others again', () => {
    let decoded = 0;
    const documents = new StoredInstanceDocuments((text) => {
      decoded += 1;
      return JSON.parse(text);
    }, 2);
    const { workflow_data, trigger, ...fields } = sampleInstance('a');
    const text = JSON.stringify(workflow_data);
    const row = (id: string) => ({
      ...fields,
      instance_id: id,
      trigger_type: null,
      trigger_step_id: null,
    });
    for (const id of ['a', 'b', 'a', 'c', 'a', 'b']) documents.read(row(id), text);
    // a, b, c and b again (dropped for c) are decoded; a stays the most recently read.
    expect(decoded).toBe(4);
  });
});
