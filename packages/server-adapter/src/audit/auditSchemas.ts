import { z } from 'zod';
import { QueryTimeSchema } from '../http/schemas';

/** `GET /audit` query: filters, newest first, paged by `cursor`. */
export const AuditQuerySchema = z.strictObject({
  /** Only entries about this record (a workflow, instance or credential id). */
  resource_id: z.string().min(1).max(1000).optional(),
  /** Only entries of this user. */
  actor_id: z.string().min(1).max(1000).optional(),
  /** Only entries after this time (exclusive). */
  after: QueryTimeSchema.describe('ISO time; entries after it').optional(),
  /** Only entries before this time (exclusive). */
  before: QueryTimeSchema.describe('ISO time; entries before it').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** A `next_cursor` from the previous page: the page after it, never shifted by new entries. */
  cursor: z.string().min(1).max(8192).optional(),
});

/** The parsed `GET /audit` query. */
export type AuditQuery = z.output<typeof AuditQuerySchema>;
