import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { sampleInstance } from './contractSamples';
import type { WorkflowStore } from './WorkflowStore';

const NOW = '2026-03-01T12:00:00.000Z';

/**
 * The durable-wait part of `describeWorkflowStoreContract`: `markWaiting` records a waiting run
 * and its wake time in one write, `listDueWaits` lists the waiting runs whose time has come.
 */
export function describeWaitStoreContract(store: () => WorkflowStore): void {
  describe('waiting runs', () => {
    /** A running instance marked waiting until `wakeAt`. */
    async function waitingUntil(id: string, wakeAt: string | null): Promise<void> {
      await store().createInstance(sampleInstance(id, { status: 'running' }));
      await store().markWaiting(id, wakeAt);
    }

    it('marks an instance waiting and returns it so', async () => {
      await store().createInstance(sampleInstance('w1', { status: 'running' }));
      const waiting = await store().markWaiting('w1', '2026-03-01T13:00:00.000Z');
      expect(waiting.status).toBe('waiting');
      expect((await store().getInstance('w1'))?.status).toBe('waiting');
    });

    it('lists the waiting runs due at or before now, earliest first', async () => {
      await waitingUntil('later', '2026-03-01T11:59:59.000Z');
      await waitingUntil('exact', NOW);
      await waitingUntil('earliest', '2026-02-01T00:00:00.000Z');
      await waitingUntil('future', '2026-03-01T12:00:00.001Z');
      await waitingUntil('resume-only', null);
      expect(await store().listDueWaits({ now: NOW, limit: 10 })).toEqual([
        { instance_id: 'earliest', wake_at: '2026-02-01T00:00:00.000Z' },
        { instance_id: 'later', wake_at: '2026-03-01T11:59:59.000Z' },
        { instance_id: 'exact', wake_at: NOW },
      ]);
    });

    it('lists at most limit runs', async () => {
      await waitingUntil('a', '2026-01-01T00:00:01.000Z');
      await waitingUntil('b', '2026-01-01T00:00:02.000Z');
      await waitingUntil('c', '2026-01-01T00:00:03.000Z');
      const due = await store().listDueWaits({ now: NOW, limit: 2 });
      expect(due.map((wait) => wait.instance_id)).toEqual(['a', 'b']);
    });

    it('no longer lists a run that woke (its status moved on)', async () => {
      await waitingUntil('woke', '2026-01-01T00:00:00.000Z');
      await store().updateInstance('woke', { status: 'running' });
      expect(await store().listDueWaits({ now: NOW, limit: 10 })).toEqual([]);
    });

    it('keeps only the latest wake time of a run that waits again', async () => {
      await waitingUntil('again', '2026-01-01T00:00:00.000Z');
      await store().updateInstance('again', { status: 'running' });
      await store().markWaiting('again', '2026-04-01T00:00:00.000Z');
      expect(await store().listDueWaits({ now: NOW, limit: 10 })).toEqual([]);
      await store().markWaiting('again', '2026-02-01T00:00:00.000Z');
      expect(await store().listDueWaits({ now: NOW, limit: 10 })).toEqual([
        { instance_id: 'again', wake_at: '2026-02-01T00:00:00.000Z' },
      ]);
    });

    it('no longer lists a deleted run', async () => {
      await waitingUntil('gone', '2026-01-01T00:00:00.000Z');
      await store().deleteInstance('gone');
      expect(await store().listDueWaits({ now: NOW, limit: 10 })).toEqual([]);
    });

    it('brings a waiting run due at once, never later, and never a run that does not wait', async () => {
      await waitingUntil('parent', '2026-03-01T13:00:00.000Z');
      expect(await store().advanceWake('parent', NOW)).toBe(true);
      expect(await store().listDueWaits({ now: NOW, limit: 10 })).toEqual([
        { instance_id: 'parent', wake_at: NOW },
      ]);
      // A later time never pushes it back.
      expect(await store().advanceWake('parent', '2026-03-01T14:00:00.000Z')).toBe(false);
      expect((await store().listDueWaits({ now: NOW, limit: 10 }))[0]?.wake_at).toBe(NOW);
      await waitingUntil('resume-only', null);
      expect(await store().advanceWake('resume-only', NOW)).toBe(true);
      await store().createInstance(sampleInstance('running', { status: 'running' }));
      expect(await store().advanceWake('running', NOW)).toBe(false);
      expect(await store().advanceWake('nobody', NOW)).toBe(false);
      expect((await store().getInstance('running'))?.status).toBe('running');
      expect(
        (await store().listDueWaits({ now: NOW, limit: 10 })).map((w) => w.instance_id),
      ).toEqual(['parent', 'resume-only']);
    });

    it('claims a waiting run for exactly one of several callers', async () => {
      await waitingUntil('contested', NOW);
      const claims = await Promise.all([
        store().claimWaiting('contested'),
        store().claimWaiting('contested'),
        store().claimWaiting('contested'),
      ]);
      expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
      expect(claims.find((claim) => claim !== null)?.status).toBe('running');
      expect((await store().getInstance('contested'))?.status).toBe('running');
      expect(await store().listDueWaits({ now: NOW, limit: 10 })).toEqual([]);
      expect(await store().claimWaiting('nobody')).toBeNull();
    });

    it('refuses to mark an unknown instance waiting with NOT_FOUND', async () => {
      const refused = await store()
        .markWaiting('nobody', NOW)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(FlowloomError);
      expect((refused as FlowloomError).code).toBe('NOT_FOUND');
    });
  });
}
