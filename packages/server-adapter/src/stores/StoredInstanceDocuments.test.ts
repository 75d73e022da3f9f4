import {
  ComponentRegistry,
  defineComponent,
  ExecutionEngine,
  isParsedWorkflowDocument,
  MemoryStore,
  type WorkflowStore,
} from '@flowloom/core';
import { sampleInstance } from '@flowloom/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { StoredInstanceDocuments } from './StoredInstanceDocuments';
import { useSqliteFile } from './sqliteFile.test-helpers';

describe('StoredInstanceDocuments, through SqliteStore', () => {
  const file = useSqliteFile('flowloom-documents-');
  const edit = file.edit;
  let store: ReturnType<typeof file.store>;
  beforeEach(() => {
    store = file.store();
  });

  it("keeps the engine's own document for an instance it creates, without reading it again", async () => {
    const created = await engineOn(store).createInstance({
      name: 'parsed',
      workflow_data: { nodes: [{ id: 'n', type: 'noop' }], edges: [] },
    });
    expect(isParsedWorkflowDocument(created.workflow_data)).toBe(true);
    const read = await store.getInstance(created.instance_id);
    expect(read!.workflow_data).toBe(created.workflow_data);
    expect(read!.workflow_data.nodes[0]).toEqual({
      id: 'n',
      type: 'noop',
      position: { x: 0, y: 0 },
      data: { parameters: {} },
    });
  });

  it('reads back what the row holds when the document holds what JSON cannot say', async () => {
    const created = await engineOn(store).createInstance({
      name: 'odd',
      workflow_data: {
        nodes: [
          {
            id: 'n',
            type: 'noop',
            position: { x: 0, y: 0 },
            data: { parameters: { gone: undefined, odd: Number.NaN } },
          },
        ],
        edges: [],
      },
    });
    const read = await store.getInstance(created.instance_id);
    const expected = { odd: null };
    expect(created.workflow_data.nodes[0]!.data.parameters).toStrictEqual(expected);
    expect(read!.workflow_data.nodes[0]!.data.parameters).toStrictEqual(expected);
  });

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

/** An engine on a store, with the one component the documents here use. */
function engineOn(store: WorkflowStore): ExecutionEngine {
  const noop = defineComponent({
    type: 'noop',
    name: 'No-op',
    category: 'utilities',
    execute: async () => ({ success: true, output_data: {} }),
  });
  return new ExecutionEngine({ registry: new ComponentRegistry({ components: [noop] }), store });
}

describe('StoredInstanceDocuments', () => {
  const { workflow_data: _document, trigger: _trigger, ...fields } = sampleInstance('a');
  const row = (id: string) => ({
    ...fields,
    instance_id: id,
    trigger_type: null,
    trigger_step_id: null,
  });
  let decoded = 0;
  const counting = (capacity?: number) =>
    new StoredInstanceDocuments((text) => {
      decoded += 1;
      return JSON.parse(text);
    }, capacity);
  beforeEach(() => {
    decoded = 0;
  });

  it('takes a document the engine parsed as the reading of the text it is written as', async () => {
    const { workflow_data } = await engineOn(new MemoryStore()).createInstance({
      name: 'parsed',
      workflow_data: { nodes: [{ id: 'n', type: 'noop' }], edges: [] },
    });
    const documents = counting();
    const text = JSON.stringify(workflow_data);
    documents.remember('p', text, workflow_data);
    expect(documents.read(row('p'), text).workflow_data).toBe(workflow_data);
    expect(decoded).toBe(0);
    // Another text for the same instance is read and validated.
    const other = JSON.stringify({ nodes: [{ id: 'm', type: 'noop' }], edges: [] });
    expect(documents.read(row('p'), other).workflow_data.nodes[0]!.id).toBe('m');
    expect(decoded).toBe(1);
  });

  it('leaves a document made any other way to be validated when it is read', () => {
    const documents = counting();
    const handMade = { nodes: [{ id: 'n', type: 'noop' }], edges: [] };
    const text = JSON.stringify(handMade);
    documents.remember('h', text, handMade);
    const read = documents.read(row('h'), text);
    expect(decoded).toBe(1);
    expect(read.workflow_data).not.toBe(handMade);
    // Validated: the defaults a stored document lacks are filled in.
    expect(read.workflow_data.nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('keeps only its most recently read documents, validating the others again', () => {
    const documents = counting(2);
    const text = JSON.stringify(sampleInstance('a').workflow_data);
    for (const id of ['a', 'b', 'a', 'c', 'a', 'b']) documents.read(row(id), text);
    // a, b, c and b again (dropped for c) are decoded; a stays the most recently read.
    expect(decoded).toBe(4);
  });
});
