import { describe, expect, it } from 'vitest';
import { VersionConflictError } from '../errors/VersionConflictError';
import { pause, sampleInstance, sampleWorkflow } from './contractSamples';
import type { WorkflowStore } from './WorkflowStore';

/**
 * The versions part of `describeWorkflowStoreContract`: every save is kept, loadable and
 * listed, and `expected_version` refuses a save based on an older version without writing.
 */
export function describeWorkflowVersionsContract(store: () => WorkflowStore): void {
  describe('workflow versions', () => {
    /** Saves a workflow three times (nodes a, b, c); returns its id. */
    async function threeVersions(): Promise<string> {
      const first = await store().saveWorkflow({
        name: 'One',
        workflow_data: sampleWorkflow('a'),
        created_by: 'u1',
        tenant_id: 't1',
        updated_by: 'u1',
        valid: true,
      });
      await pause();
      await store().saveWorkflow({
        workflow_id: first.workflow_id,
        name: 'Two',
        workflow_data: sampleWorkflow('b'),
        updated_by: 'u2',
        valid: false,
      });
      await pause();
      await store().saveWorkflow({
        workflow_id: first.workflow_id,
        name: 'Three',
        workflow_data: sampleWorkflow('c'),
      });
      return first.workflow_id;
    }

    it('keeps at most keep_versions versions, deleting the oldest but never the active one', async () => {
      const id = await threeVersions();
      const listed = async () =>
        (await store().listWorkflowVersions(id)).map((version) => version.version);
      const save = (name: string) =>
        store().saveWorkflow({
          workflow_id: id,
          name,
          workflow_data: sampleWorkflow(name),
          keep_versions: 2,
        });
      await save('four');
      expect(await listed()).toEqual([4, 3]);
      expect(await store().loadWorkflowVersion(id, 2)).toBeNull();
      await store().activateWorkflow(id, 3);
      await save('five');
      await save('six');
      // Version 3 is active: kept past the bound, with the newest two.
      expect(await listed()).toEqual([6, 5, 3]);
      expect((await store().loadWorkflowVersion(id, 3))?.name).toBe('Three');
      // Without the bound, nothing more is deleted.
      await store().saveWorkflow({
        workflow_id: id,
        name: 'seven',
        workflow_data: sampleWorkflow('g'),
      });
      expect(await listed()).toEqual([7, 6, 5, 3]);
    });

    it('loads each saved version with its own name, document and time', async () => {
      const id = await threeVersions();
      const latest = await store().loadWorkflow(id);
      const first = await store().loadWorkflowVersion(id, 1);
      expect(first).toMatchObject({
        workflow_id: id,
        version: 1,
        name: 'One',
        created_by: 'u1',
        tenant_id: 't1',
        created_at: latest?.created_at,
      });
      expect(first?.workflow_data.nodes[0]?.id).toBe('a');
      expect(first!.updated_at < latest!.updated_at).toBe(true);
      expect((await store().loadWorkflowVersion(id, 2))?.workflow_data.nodes[0]?.id).toBe('b');
      expect(await store().loadWorkflowVersion(id, 3)).toEqual(latest);
    });

    it('loads null for a version or a workflow that does not exist', async () => {
      const id = await threeVersions();
      expect(await store().loadWorkflowVersion(id, 4)).toBeNull();
      expect(await store().loadWorkflowVersion('missing', 1)).toBeNull();
    });

    it('lists the versions newest first, with who saved each and whether it was valid', async () => {
      const id = await threeVersions();
      const versions = await store().listWorkflowVersions(id);
      expect(
        versions.map(({ version, name, updated_by, valid }) => [version, name, updated_by, valid]),
      ).toEqual([
        [3, 'Three', null, null],
        [2, 'Two', 'u2', false],
        [1, 'One', 'u1', true],
      ]);
      expect(versions[0]).not.toHaveProperty('workflow_data');
      expect(versions[2]!.updated_at < versions[0]!.updated_at).toBe(true);
      const page = await store().listWorkflowVersions(id, { limit: 1, offset: 1 });
      expect(page.map((v) => v.version)).toEqual([2]);
      expect(await store().listWorkflowVersions('missing')).toEqual([]);
    });

    it('saves when expected_version is the stored version', async () => {
      const id = await threeVersions();
      const saved = await store().saveWorkflow({
        workflow_id: id,
        expected_version: 3,
        name: 'Four',
        workflow_data: sampleWorkflow('d'),
      });
      expect(saved.version).toBe(4);
    });

    it('refuses a save based on an older version and writes nothing', async () => {
      const id = await threeVersions();
      const before = await store().loadWorkflow(id);
      const error = await store()
        .saveWorkflow({
          workflow_id: id,
          expected_version: 2,
          name: 'Stale',
          workflow_data: sampleWorkflow('stale'),
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(error).toMatchObject({
        code: 'VERSION_CONFLICT',
        current_version: 3,
        issues: [{ path: 'expected_version', message: 'The workflow is at version 3' }],
      });
      expect(await store().loadWorkflow(id)).toEqual(before);
      expect((await store().listWorkflowVersions(id)).map((v) => v.version)).toEqual([3, 2, 1]);
    });

    it('lets only one of several saves based on the same version through', async () => {
      const id = await threeVersions();
      const results = await Promise.allSettled(
        [1, 2, 3, 4, 5].map((n) =>
          store().saveWorkflow({
            workflow_id: id,
            expected_version: 3,
            name: `Racer ${n}`,
            workflow_data: sampleWorkflow(`r${n}`),
          }),
        ),
      );
      const won = results.filter((result) => result.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const result of results) {
        if (result.status === 'rejected') {
          expect(result.reason).toMatchObject({ code: 'VERSION_CONFLICT', current_version: 4 });
        }
      }
      expect((await store().loadWorkflow(id))?.version).toBe(4);
      expect((await store().listWorkflowVersions(id)).map((v) => v.version)).toEqual([4, 3, 2, 1]);
    });

    it('keeps the version numbers distinct when saves without expected_version race', async () => {
      const id = await threeVersions();
      await Promise.all(
        [1, 2, 3].map((n) =>
          store().saveWorkflow({ workflow_id: id, name: `N${n}`, workflow_data: sampleWorkflow() }),
        ),
      );
      expect((await store().listWorkflowVersions(id)).map((v) => v.version)).toEqual([
        6, 5, 4, 3, 2, 1,
      ]);
    });

    it('ignores expected_version when creating a workflow', async () => {
      const created = await store().saveWorkflow({
        name: 'New',
        workflow_data: sampleWorkflow(),
        expected_version: 9,
      });
      expect(created.version).toBe(1);
    });

    it('deletes a workflow with its versions and leaves its instances', async () => {
      const id = await threeVersions();
      await store().createInstance(sampleInstance('run', { workflow_id: id, workflow_version: 3 }));
      expect(await store().deleteWorkflow(id)).toBe(true);
      expect(await store().loadWorkflowVersion(id, 1)).toBeNull();
      expect(await store().listWorkflowVersions(id)).toEqual([]);
      expect(await store().getInstance('run')).toMatchObject({
        workflow_id: id,
        workflow_version: 3,
      });
    });

    it('round-trips NUL in a version name and document', async () => {
      const tricky = 'a\u0000b\uE000c';
      const saved = await store().saveWorkflow({
        name: tricky,
        workflow_data: sampleWorkflow(tricky),
        updated_by: tricky,
      });
      const [listed] = await store().listWorkflowVersions(saved.workflow_id);
      expect(listed).toMatchObject({ name: tricky, updated_by: tricky });
      const loaded = await store().loadWorkflowVersion(saved.workflow_id, 1);
      expect(loaded?.name).toBe(tricky);
      expect(loaded?.workflow_data.nodes[0]?.id).toBe(tricky);
    });
  });
}
