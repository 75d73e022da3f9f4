import { z } from 'zod';

/** What a job asks of a worker; the job's name is its `kind` too. */
export const RunJobKindSchema = z.enum([
  'execute',
  'retry',
  'resume',
  'wake',
  'resume_wait',
  'stop',
]);

/** What a job asks of a worker. */
export type RunJobKind = z.infer<typeof RunJobKindSchema>;

const common = {
  instance_id: z.string().min(1),
  /**
   * The run's last event `seq` when the job was accepted. A journal gone past it means the
   * request was carried out already (the job is run again after its worker died): the worker
   * then only takes an unfinished run over, it never starts one a second time.
   */
  after_seq: z.number().int().min(0),
  /** When the job was accepted (ms since the epoch), for the queue latency. */
  accepted_at: z.number(),
  /** Tells this request from the same one accepted twice (then one job: see `RunJobQueue.add`). */
  request_id: z.string().optional(),
};

/** The data of one run job, validated where a worker reads it. */
export const RunJobSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('execute'),
    ...common,
    input_data: z.record(z.string(), z.unknown()),
    variables: z.record(z.string(), z.unknown()).optional(),
    until: z.string().optional(),
    start_at: z.string().optional(),
  }),
  z.object({ kind: z.literal('retry'), ...common }),
  z.object({ kind: z.literal('resume'), ...common }),
  z.object({ kind: z.literal('wake'), ...common }),
  z.object({
    kind: z.literal('resume_wait'),
    ...common,
    step_id: z.string().min(1),
    data: z.unknown(),
  }),
  z.object({ kind: z.literal('stop'), ...common, reason: z.string() }),
]);

/** The data of one run job. */
export type RunJob = z.infer<typeof RunJobSchema>;

/**
 * The BullMQ job id of a request: the instance and the kind, so a request accepted twice while
 * the first is still queued is one job; `discriminator` tells apart requests that may follow
 * one another (a wake per wait, a resume per interruption). BullMQ refuses `:` in ids.
 */
export function runJobId(instanceId: string, kind: RunJobKind, discriminator?: string | number) {
  const id = `${instanceId}.${kind}`;
  return discriminator === undefined ? id : `${id}.${discriminator}`;
}
