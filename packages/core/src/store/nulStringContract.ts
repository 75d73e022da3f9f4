import { describe, expect, it } from 'vitest';
import type { ExecutionEvent } from '../schema/executionEvent';
import type { LogEntry } from '../schema/logEntry';
import { sampleInstance, sampleWorkflow } from './contractSamples';
import type { WorkflowStore } from './WorkflowStore';

/**
 * Strings a store must keep byte for byte: NUL (which PostgreSQL's text and jsonb refuse), a
 * private-use character a store might use to escape it, that character followed by what its
 * escapes look like, and JSON's own escape text.
 */
const TRICKY = [
  'a\u0000b',
  '\u0000',
  'x\uE000y',
  '\uE0000',
  '\uE000\uE000',
  '\uE000u0000',
  'back\\u0000slash',
  '\\\u0000\\',
].join('|');

/** A JSON value holding {@link TRICKY} as keys and values, nested and in arrays. */
function trickyJson(): Record<string, unknown> {
  return { [TRICKY]: TRICKY, nested: { list: [TRICKY, 1, null], [`k${TRICKY}`]: true } };
}

/**
 * The NUL part of `describeWorkflowStoreContract`: strings holding `\u0000` are stored and read
 * back intact in every field that can hold user data.
 */
export function describeNulStringContract(store: () => WorkflowStore): void {
  describe('strings holding NUL', () => {
    it('round-trips NUL in a workflow name and its document', async () => {
      const workflowData = sampleWorkflow(TRICKY);
      workflowData.nodes[0]!.data.parameters = trickyJson();
      const saved = await store().saveWorkflow({
        name: TRICKY,
        workflow_data: workflowData,
        created_by: TRICKY,
        tenant_id: TRICKY,
      });
      expect(saved).toMatchObject({ name: TRICKY, created_by: TRICKY, tenant_id: TRICKY });
      const loaded = await store().loadWorkflow(saved.workflow_id);
      expect(loaded?.name).toBe(TRICKY);
      expect(loaded?.workflow_data).toEqual(workflowData);
      const listed = await store().listWorkflows({ access: { user_id: TRICKY } });
      expect(listed.workflows.map((w) => w.name)).toEqual([TRICKY]);
    });

    it('round-trips NUL in an instance name, input_data and error', async () => {
      const instance = sampleInstance(`inst${TRICKY}`, {
        name: TRICKY,
        input_data: trickyJson(),
        created_by: TRICKY,
      });
      await store().createInstance(instance);
      expect(await store().getInstance(instance.instance_id)).toEqual(instance);
      const error = { code: 'STEP_FAILED', message: TRICKY, step_id: TRICKY };
      const updated = await store().updateInstance(instance.instance_id, {
        input_data: { again: TRICKY },
        error,
      });
      expect(updated).toMatchObject({ input_data: { again: TRICKY }, error });
      expect(await store().getInstance(instance.instance_id)).toEqual(updated);
      expect((await store().listInstances({ created_by: TRICKY })).instances).toEqual([updated]);
    });

    it("round-trips NUL in an event's data and a log line", async () => {
      await store().createInstance(sampleInstance('nul'));
      const event: ExecutionEvent = {
        seq: 1,
        event_type: 'step_completed',
        instance_id: 'nul',
        step_id: TRICKY,
        timestamp: '2026-01-01T00:00:01.000Z',
        data: {
          output_data: trickyJson(),
          output_handles: ['success'],
          duration_ms: 1,
          attempts: 1,
        },
      };
      await store().appendEvents([event]);
      expect(await store().listEvents('nul')).toEqual([event]);
      const log: LogEntry = {
        instance_id: 'nul',
        seq: 1,
        step_id: TRICKY,
        level: 'info',
        message: TRICKY,
        data: trickyJson(),
        timestamp: '2026-01-01T00:00:01.000Z',
      };
      await store().appendLogs([log]);
      expect(await store().listLogs('nul')).toEqual([log]);
    });

    it('round-trips NUL in a credential name', async () => {
      const created = await store().createCredential({
        name: TRICKY,
        type: 'smtp',
        ciphertext: 'sealed',
        created_by: TRICKY,
      });
      expect((await store().getCredential(created.credential_id))?.name).toBe(TRICKY);
      const renamed = await store().updateCredential(created.credential_id, {
        name: `${TRICKY}!`,
      });
      expect(renamed.name).toBe(`${TRICKY}!`);
      const listed = await store().listCredentials({ access: { user_id: TRICKY } });
      expect(listed.credentials.map((c) => c.name)).toEqual([`${TRICKY}!`]);
    });

    it('finds nothing, without failing, for an id holding NUL', async () => {
      expect(await store().loadWorkflow('wf\u0000x')).toBeNull();
      expect(await store().getInstance('inst\u0000x')).toBeNull();
      expect(await store().getCredential('cred\u0000x')).toBeNull();
      expect(await store().listEvents('inst\u0000x')).toEqual([]);
      expect(await store().listLogs('inst\u0000x')).toEqual([]);
      expect(await store().lastEventSeq('inst\u0000x')).toBe(0);
      expect(await store().deleteWorkflow('wf\u0000x')).toBe(false);
    });

    it('round-trips a lone surrogate in JSON data', async () => {
      const lone = { '\ud800key': 'a\udc00b\ud83d', pair: '\ud83d\ude00' };
      const instance = sampleInstance('lone', { input_data: lone });
      await store().createInstance(instance);
      expect((await store().getInstance('lone'))?.input_data).toEqual(lone);
    });
  });
}
