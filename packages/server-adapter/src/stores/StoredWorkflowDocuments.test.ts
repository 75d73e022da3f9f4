import { sampleWorkflow } from '@flowloom/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { StoredWorkflowDocuments } from './StoredWorkflowDocuments';
import { useSqliteFile } from './sqliteFile.test-helpers';

describe('StoredWorkflowDocuments, through SqliteStore', () => {
  const file = useSqliteFile('flowloom-versions-');
  const edit = file.edit;
  let store: ReturnType<typeof file.store>;
  beforeEach(() => {
    store = file.store();
  });

  it('loads a version again with the frozen document it was first read with', async () => {
    const saved = await store.saveWorkflow({ name: 'Kept', workflow_data: sampleWorkflow() });
    const latest = await store.loadWorkflow(saved.workflow_id);
    const version = await store.loadWorkflowVersion(saved.workflow_id, 1);
    expect(latest).toEqual(saved);
    expect(version).toEqual(saved);
    expect(Object.keys(latest!)).toEqual(Object.keys(saved));
    expect(latest!.workflow_data).toBe(saved.workflow_data);
    expect(version!.workflow_data).toBe(saved.workflow_data);
    expect(Object.isFrozen(latest!.workflow_data.nodes[0])).toBe(true);
  });

  it('reads each version with its own document', async () => {
    const first = await store.saveWorkflow({ name: 'Two', workflow_data: sampleWorkflow() });
    const renamedNodes = sampleWorkflow().nodes.map((node) => ({ ...node, id: `v2-${node.id}` }));
    await store.saveWorkflow({
      workflow_id: first.workflow_id,
      name: 'Two',
      workflow_data: { nodes: renamedNodes, edges: [] },
    });
    const one = await store.loadWorkflowVersion(first.workflow_id, 1);
    const two = await store.loadWorkflowVersion(first.workflow_id, 2);
    expect(one!.workflow_data.nodes.map((node) => node.id)).toEqual(
      sampleWorkflow().nodes.map((node) => node.id),
    );
    expect(two!.workflow_data.nodes.every((node) => node.id.startsWith('v2-'))).toBe(true);
  });

  it('refuses a version changed by hand after it was read, naming the problem', async () => {
    const saved = await store.saveWorkflow({ name: 'Edited', workflow_data: sampleWorkflow() });
    await store.loadWorkflow(saved.workflow_id);
    edit(
      `UPDATE workflow_versions SET workflow_data = '{"nodes":"none"}' WHERE workflow_id = ?`,
      saved.workflow_id,
    );
    edit(
      `UPDATE workflows SET workflow_data = '{"nodes":"none"}' WHERE workflow_id = ?`,
      saved.workflow_id,
    );
    await expect(store.loadWorkflowVersion(saved.workflow_id, 1)).rejects.toMatchObject({
      code: 'INTERNAL_ERROR',
      issues: [expect.objectContaining({ path: 'workflow_data.nodes' })],
    });
    await expect(store.loadWorkflow(saved.workflow_id)).rejects.toMatchObject({
      code: 'INTERNAL_ERROR',
    });
  });
});

describe('StoredWorkflowDocuments', () => {
  it('keeps only its most recently read versions, validating the others again', () => {
    let decoded = 0;
    const versions = new StoredWorkflowDocuments((text) => {
      decoded += 1;
      return JSON.parse(text);
    }, 2);
    const text = JSON.stringify(sampleWorkflow());
    const row = (version: number) => ({
      workflow_id: 'wf',
      name: 'Workflow',
      version,
      created_by: null,
      tenant_id: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    for (const version of [1, 2, 1, 3, 1, 2]) versions.read(row(version), text);
    // 1, 2, 3 and 2 again (dropped for 3) are decoded; 1 stays the most recently read.
    expect(decoded).toBe(4);
    // The same text under another version is another record.
    expect(versions.read(row(1), text).version).toBe(1);
    expect(decoded).toBe(4);
  });
});
