import { describe, expect, it } from 'vitest';
import type { AuditEntry, StoredAuditEntry } from '../schema/auditEntry';
import type { WorkflowStore } from './WorkflowStore';

/** An entry at minute `minute` of a fixed hour, with `overrides`. */
function entry(minute: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: `2026-01-15T10:${String(minute).padStart(2, '0')}:00.000Z`,
    actor_id: 'ada',
    tenant_id: null,
    action: 'workflows:save',
    resource_type: 'workflow',
    resource_id: 'wf_1',
    ip: '203.0.113.7',
    ...overrides,
  };
}

/** What a stored entry holds beyond its id. */
function withoutId({ audit_id: _id, ...rest }: StoredAuditEntry): AuditEntry {
  return rest;
}

/**
 * The audit-log part of `describeWorkflowStoreContract`: entries are appended and listed newest
 * first, filtered in the query, paged by a cursor new entries never shift.
 */
export function describeAuditLogContract(store: () => WorkflowStore): void {
  describe('audit log', () => {
    it('stores an entry as given, with an id, and lists it', async () => {
      const given = entry(1, { tenant_id: 'acme', ip: null, resource_id: null });
      const stored = await store().appendAudit(given);
      expect(stored).toEqual({ ...given, audit_id: expect.any(String) });
      expect(await store().listAudit()).toEqual({ items: [stored], next_cursor: null });
    });

    it('lists entries recorded in one millisecond newest first, in the order they came', async () => {
      const actions = ['workflows:save', 'instances:create', 'instances:execute'] as const;
      for (const action of actions) await store().appendAudit(entry(7, { action }));
      const { items } = await store().listAudit();
      expect(items.map((item) => item.action)).toEqual([...actions].reverse());
    });

    it('prunes entries before a time, oldest first, at most a batch at a time', async () => {
      for (const minute of [4, 1, 3, 2, 5]) await store().appendAudit(entry(minute));
      expect(await store().pruneAudit({ before: entry(4).at, limit: 2 })).toBe(2);
      const minutes = async () =>
        (await store().listAudit()).items.map((item) => Number(item.at.slice(14, 16)));
      expect(await minutes()).toEqual([5, 4, 3]);
      // `before` is exclusive: minute 4 stays.
      expect(await store().pruneAudit({ before: entry(4).at, limit: 10 })).toBe(1);
      expect(await minutes()).toEqual([5, 4]);
      expect(await store().pruneAudit({ before: entry(4).at, limit: 10 })).toBe(0);
    });

    it('lists an empty log as an empty page', async () => {
      expect(await store().listAudit()).toEqual({ items: [], next_cursor: null });
    });

    it('lists newest first whatever the order of the appends', async () => {
      for (const minute of [2, 5, 1, 4, 3]) await store().appendAudit(entry(minute));
      const { items } = await store().listAudit();
      expect(items.map((item) => item.at.slice(14, 16))).toEqual(['05', '04', '03', '02', '01']);
    });

    it('filters by resource, by actor, and by time (both bounds exclusive)', async () => {
      await store().appendAudit(entry(1, { resource_id: 'wf_1', actor_id: 'ada' }));
      await store().appendAudit(entry(2, { resource_id: 'wf_2', actor_id: 'bob' }));
      await store().appendAudit(entry(3, { resource_id: 'wf_1', actor_id: 'bob' }));
      await store().appendAudit(entry(4, { resource_id: 'wf_1', actor_id: 'ada' }));
      const minutes = async (options: Parameters<WorkflowStore['listAudit']>[0]) =>
        (await store().listAudit(options)).items.map((item) => Number(item.at.slice(14, 16)));
      expect(await minutes({ resource_id: 'wf_1' })).toEqual([4, 3, 1]);
      expect(await minutes({ actor_id: 'bob' })).toEqual([3, 2]);
      expect(await minutes({ resource_id: 'wf_1', actor_id: 'ada' })).toEqual([4, 1]);
      expect(await minutes({ after: entry(1).at, before: entry(4).at })).toEqual([3, 2]);
      expect(await minutes({ resource_id: 'none' })).toEqual([]);
    });

    it('keeps a user to their tenant, and to their own entries where a tenant is missing', async () => {
      await store().appendAudit(entry(1, { actor_id: 'ada', tenant_id: 'acme' }));
      await store().appendAudit(entry(2, { actor_id: 'cy', tenant_id: 'acme' }));
      await store().appendAudit(entry(3, { actor_id: 'bob', tenant_id: 'globex' }));
      await store().appendAudit(entry(4, { actor_id: 'ada', tenant_id: null }));
      await store().appendAudit(entry(5, { actor_id: 'bob', tenant_id: null }));
      const actors = async (access: { user_id: string; tenant_id?: string | null }) =>
        (await store().listAudit({ access })).items.map(
          (item) => `${item.actor_id}@${item.at.slice(14, 16)}`,
        );
      expect(await actors({ user_id: 'ada', tenant_id: 'acme' })).toEqual([
        'ada@04',
        'cy@02',
        'ada@01',
      ]);
      expect(await actors({ user_id: 'ada' })).toEqual(['ada@04', 'ada@01']);
      expect(await actors({ user_id: 'bob', tenant_id: null })).toEqual(['bob@05', 'bob@03']);
    });

    it('pages by cursor, entries made in the same millisecond included, with no gap or repeat', async () => {
      const appended: StoredAuditEntry[] = [];
      for (let index = 0; index < 7; index += 1) {
        // Three entries share each time: the id breaks the tie.
        appended.push(
          await store().appendAudit(entry(Math.floor(index / 3), { resource_id: `r${index}` })),
        );
      }
      const seen: StoredAuditEntry[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store().listAudit({ limit: 2, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items);
        cursor = page.next_cursor ?? undefined;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(4);
      expect(seen.map((item) => item.audit_id).sort()).toEqual(
        appended.map((item) => item.audit_id).sort(),
      );
      const whole = await store().listAudit({ limit: 50 });
      expect(seen).toEqual(whole.items);
    });

    it('does not shift the next page when newer entries arrive', async () => {
      for (const minute of [1, 2, 3, 4]) await store().appendAudit(entry(minute));
      const first = await store().listAudit({ limit: 2 });
      await store().appendAudit(entry(9));
      const second = await store().listAudit({ limit: 2, cursor: first.next_cursor! });
      expect(second.items.map(withoutId)).toEqual([entry(2), entry(1)]);
      expect(second.next_cursor).toBeNull();
    });

    it('keeps the filters across pages', async () => {
      for (const minute of [1, 2, 3, 4, 5]) {
        await store().appendAudit(entry(minute, { actor_id: minute % 2 === 0 ? 'bob' : 'ada' }));
      }
      const first = await store().listAudit({ actor_id: 'ada', limit: 2 });
      const second = await store().listAudit({
        actor_id: 'ada',
        limit: 2,
        cursor: first.next_cursor!,
      });
      expect([...first.items, ...second.items].map((item) => item.at.slice(14, 16))).toEqual([
        '05',
        '03',
        '01',
      ]);
      expect(second.next_cursor).toBeNull();
    });

    it('round-trips text the database treats specially', async () => {
      const given = entry(1, { actor_id: 'a\u0000b\uE000', resource_id: 'x\u0000' });
      await store().appendAudit(given);
      const { items } = await store().listAudit({ actor_id: 'a\u0000b\uE000' });
      expect(items.map(withoutId)).toEqual([given]);
    });

    it('refuses a cursor it did not give', async () => {
      await expect(store().listAudit({ cursor: 'not a cursor' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });
  });
}
