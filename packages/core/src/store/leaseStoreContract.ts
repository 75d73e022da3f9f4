import { describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { RunLeaseSchema } from '../schema/runLease';
import type { InstanceStatus } from '../schema/status';
import { sampleInstance } from './contractSamples';
import type { WorkflowStore } from './WorkflowStore';

const LONG = 60_000;
/** Short enough to expire within a test, long enough for the calls made before it does. */
const SHORT = 150;

function expire(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SHORT + 100));
}

/**
 * The run-lease part of `describeWorkflowStoreContract`: one owner at a time holds a run, a
 * lease expires unless renewed, and orphaned runs are claimed by one owner each.
 */
export function describeLeaseStoreContract(store: () => WorkflowStore): void {
  describe('run leases', () => {
    async function instance(id: string, status: InstanceStatus = 'running'): Promise<void> {
      await store().createInstance(sampleInstance(id, { status }));
    }

    it('leases a run nobody holds, until ttl from now', async () => {
      await instance('l1');
      const before = Date.now();
      const lease = await store().acquireRunLease('l1', 'owner-a', LONG);
      expect(RunLeaseSchema.parse(lease)).toMatchObject({ instance_id: 'l1', owner_id: 'owner-a' });
      const expires = Date.parse(lease!.expires_at);
      // The database's clock may be a few ms off the process's.
      expect(expires).toBeGreaterThanOrEqual(before + LONG - 1_000);
      expect(expires).toBeLessThanOrEqual(Date.now() + LONG + 1_000);
    });

    it("refuses a live lease to another owner and extends the holder's", async () => {
      await instance('l2');
      const first = await store().acquireRunLease('l2', 'owner-a', LONG);
      expect(await store().acquireRunLease('l2', 'owner-b', LONG)).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const again = await store().acquireRunLease('l2', 'owner-a', LONG);
      expect(again?.owner_id).toBe('owner-a');
      expect(Date.parse(again!.expires_at)).toBeGreaterThan(Date.parse(first!.expires_at));
    });

    it('hands an expired lease to another owner', async () => {
      await instance('l3');
      await store().acquireRunLease('l3', 'owner-a', SHORT);
      await expire();
      expect((await store().acquireRunLease('l3', 'owner-b', LONG))?.owner_id).toBe('owner-b');
      expect(await store().acquireRunLease('l3', 'owner-a', LONG)).toBeNull();
    });

    it('leases runs in any status (a fresh start leases a pending run)', async () => {
      await instance('pending', 'pending');
      await instance('done', 'completed');
      expect(await store().acquireRunLease('pending', 'owner-a', LONG)).not.toBeNull();
      expect(await store().acquireRunLease('done', 'owner-a', LONG)).not.toBeNull();
    });

    it('refuses to lease an unknown instance with NOT_FOUND', async () => {
      const refused = await store()
        .acquireRunLease('nobody', 'owner-a', LONG)
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(FlowloomError);
      expect((refused as FlowloomError).code).toBe('NOT_FOUND');
    });

    it('renews the leases the owner holds and leaves out the others', async () => {
      for (const id of ['r1', 'r2', 'r3']) await instance(id);
      await store().acquireRunLease('r1', 'owner-a', SHORT);
      await store().acquireRunLease('r2', 'owner-a', SHORT);
      await store().acquireRunLease('r3', 'owner-b', LONG);
      const held = await store().renewRunLeases('owner-a', ['r1', 'r2', 'r3', 'nobody'], LONG);
      expect(held.sort()).toEqual(['r1', 'r2']);
      await expire();
      // Renewed for LONG: still held, so another owner is refused.
      expect(await store().acquireRunLease('r1', 'owner-b', LONG)).toBeNull();
      expect(await store().renewRunLeases('owner-a', [], LONG)).toEqual([]);
    });

    it('renews an expired lease nobody took, but not one another owner took over', async () => {
      await instance('kept');
      await instance('lost');
      await store().acquireRunLease('kept', 'owner-a', SHORT);
      await store().acquireRunLease('lost', 'owner-a', SHORT);
      await expire();
      expect(await store().acquireRunLease('lost', 'owner-b', LONG)).not.toBeNull();
      expect(await store().renewRunLeases('owner-a', ['kept', 'lost'], LONG)).toEqual(['kept']);
      expect(await store().acquireRunLease('lost', 'owner-a', LONG)).toBeNull();
    });

    it("releases a lease, and ignores a release by someone who doesn't hold it", async () => {
      await instance('rel');
      await store().acquireRunLease('rel', 'owner-a', LONG);
      await store().releaseRunLease('rel', 'owner-b');
      expect(await store().acquireRunLease('rel', 'owner-b', LONG)).toBeNull();
      await store().releaseRunLease('rel', 'owner-a');
      expect((await store().acquireRunLease('rel', 'owner-b', LONG))?.owner_id).toBe('owner-b');
      expect(await store().renewRunLeases('owner-a', ['rel'], LONG)).toEqual([]);
      await store().releaseRunLease('nobody', 'owner-a');
    });

    it('gives a run to exactly one of several owners asking at once', async () => {
      await instance('race');
      const owners = Array.from({ length: 8 }, (_, index) => `owner-${index}`);
      const leases = await Promise.all(
        owners.map((owner) => store().acquireRunLease('race', owner, LONG)),
      );
      const winners = leases.filter((lease) => lease !== null);
      expect(winners).toHaveLength(1);
      const held = await Promise.all(
        owners.map((owner) => store().renewRunLeases(owner, ['race'], LONG)),
      );
      expect(held.flat()).toEqual(['race']);
      expect(held[owners.indexOf(winners[0]!.owner_id)]).toEqual(['race']);
    });

    it('claims unfinished runs whose lease is absent or expired, and leases them', async () => {
      await instance('running-free', 'running');
      await instance('interrupted-free', 'interrupted');
      await instance('queued-free', 'queued');
      await instance('running-expired', 'running');
      await instance('running-held', 'running');
      for (const status of ['pending', 'waiting', 'completed', 'failed', 'cancelled'] as const) {
        await instance(`other-${status}`, status);
      }
      await store().acquireRunLease('running-expired', 'owner-dead', SHORT);
      await store().acquireRunLease('running-held', 'owner-live', LONG);
      await expire();
      const claimed = await store().claimOrphanedRuns('owner-a', LONG, 10);
      expect(claimed.sort()).toEqual([
        'interrupted-free',
        'queued-free',
        'running-expired',
        'running-free',
      ]);
      expect(await store().acquireRunLease('running-free', 'owner-b', LONG)).toBeNull();
      expect(await store().renewRunLeases('owner-a', claimed, LONG)).toHaveLength(4);
      expect(await store().renewRunLeases('owner-dead', ['running-expired'], LONG)).toEqual([]);
      expect(await store().claimOrphanedRuns('owner-b', LONG, 10)).toEqual([]);
    });

    it('claims at most limit runs, the rest on the next call', async () => {
      for (const id of ['c1', 'c2', 'c3']) await instance(id, 'interrupted');
      const first = await store().claimOrphanedRuns('owner-a', LONG, 2);
      expect(first).toHaveLength(2);
      const second = await store().claimOrphanedRuns('owner-b', LONG, 2);
      expect([...first, ...second].sort()).toEqual(['c1', 'c2', 'c3']);
      expect(await store().claimOrphanedRuns('owner-c', LONG, 0)).toEqual([]);
    });

    it('never hands one orphaned run to two owners claiming at once', async () => {
      const ids = Array.from({ length: 30 }, (_, index) => `orphan-${index}`);
      for (const id of ids) await instance(id, index(id) % 2 === 0 ? 'running' : 'interrupted');
      const owners = ['owner-0', 'owner-1', 'owner-2', 'owner-3'];
      const claims = await Promise.all(
        owners.flatMap((owner) => [1, 2, 3].map(() => store().claimOrphanedRuns(owner, LONG, 4))),
      );
      const claimed = claims.flat();
      expect(new Set(claimed).size).toBe(claimed.length);
      // Whatever was left goes on the next round; every run is claimed exactly once in all.
      const rest = await store().claimOrphanedRuns('owner-4', LONG, 100);
      expect([...claimed, ...rest].sort()).toEqual([...ids].sort());
    });

    it('forgets the lease of a deleted run', async () => {
      await instance('gone');
      await store().acquireRunLease('gone', 'owner-a', LONG);
      await store().deleteInstance('gone');
      expect(await store().renewRunLeases('owner-a', ['gone'], LONG)).toEqual([]);
      await store().releaseRunLease('gone', 'owner-a');
    });
  });
}

function index(id: string): number {
  return Number(id.split('-')[1]);
}
