import { z } from 'zod';

/**
 * Something a user did that changes what runs or who may run it: a save, an activation, a
 * delete, an execute, a stop, a retry, a resume, a credential change. The server records one
 * after each such request succeeds; fields it does not know are `null`.
 */
export const AuditEntrySchema = z.object({
  /** ISO time the action was done. */
  at: z.string(),
  /** Who did it (the authenticated user's id); `null` when no user did (host code). */
  actor_id: z.string().nullable(),
  /** The actor's tenant, if any. */
  tenant_id: z.string().nullable(),
  /** What was done, e.g. `workflows:save`, `instances:execute`, `credentials:update`. */
  action: z.string().min(1).max(100),
  /** What it was done to: `workflow`, `instance`, `credential`. */
  resource_type: z.string().min(1).max(100),
  /** The id of what it was done to; `null` when there is none. */
  resource_id: z.string().nullable(),
  /** The client's address, when the host's adapter passed it. */
  ip: z.string().nullable(),
});

/** An action as the audit log records it (see {@link AuditEntrySchema}). */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** An audit entry as the store keeps it: with the id it was stored under. */
export const StoredAuditEntrySchema = AuditEntrySchema.extend({
  /** The entry's id, given by the store; with `at` it orders the log. */
  audit_id: z.string().min(1),
});

/** An audit entry as the store keeps it. */
export type StoredAuditEntry = z.infer<typeof StoredAuditEntrySchema>;

/** One page of the audit log, newest first. */
export const AuditPageSchema = z.object({
  items: z.array(StoredAuditEntrySchema),
  /** The cursor of the next page; `null` on the last one. */
  next_cursor: z.string().nullable(),
});

/** One page of the audit log. */
export type AuditPage = z.infer<typeof AuditPageSchema>;
