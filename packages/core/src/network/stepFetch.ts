import { z } from 'zod';

/**
 * The `fetch` a step gets as `context.fetch`: web-standard in shape. The engine's is guarded
 * (see {@link NetworkOptions}); a component should use it rather than the global `fetch`, so
 * that what end users draw cannot reach the host's own network.
 */
export type StepFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** What a workflow's steps may reach over the network. */
export const NetworkOptionsSchema = z.object({
  /**
   * Let steps reach loopback, private, link-local and other non-public addresses.
   * @default false
   */
  allowPrivateNetworks: z.boolean().default(false),
  /**
   * Hosts steps may reach even when they resolve to a guarded address: exact `"host"` or
   * `"host:port"` (e.g. `"localhost:8000"`).
   * @default []
   */
  allowHosts: z.array(z.string().min(1)).default([]),
  /**
   * Largest response body a step may read, in bytes; more fails with `RESPONSE_TOO_LARGE`.
   * @default 10485760 (10 MiB)
   */
  maxResponseBytes: z
    .number()
    .int()
    .min(1)
    .default(10 * 1024 * 1024),
});

/** Network options, defaults applied. */
export type NetworkOptions = z.output<typeof NetworkOptionsSchema>;
/** Network options as a host writes them. */
export type NetworkOptionsInput = z.input<typeof NetworkOptionsSchema>;
