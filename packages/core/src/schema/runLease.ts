import { z } from 'zod';

/**
 * That one process executes a run: the store's record of who holds the run and until when. The
 * holder renews it while the run executes; once it has expired another process may take the run
 * over (and goes on from its journal).
 */
export const RunLeaseSchema = z.object({
  /** The run (instance) leased. */
  instance_id: z.string(),
  /** Who holds it: an engine's `ownerId` (`host:pid:random` on a server). */
  owner_id: z.string(),
  /** ISO time it expires unless renewed before. */
  expires_at: z.string(),
});

/** That one process executes a run, until `expires_at`. */
export type RunLease = z.infer<typeof RunLeaseSchema>;
