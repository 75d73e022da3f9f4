import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { type RunJob, type RunJobKind, runJobId } from './runJobs';

/** How a job that failed for want of Redis or the store is tried again. */
const JOB_ATTEMPTS = 5;

/** The BullMQ queue of run jobs, as the API servers and workers add to it. */
export class RunJobQueue {
  readonly queue: Queue;

  constructor(name: string, connection: Redis) {
    this.queue = new Queue(name, {
      connection,
      defaultJobOptions: {
        // Gone once done, so a later request with the same id is a new job, not a duplicate.
        removeOnComplete: true,
        removeOnFail: true,
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1_000 },
      },
    });
  }

  /**
   * Adds a job under its id (the instance, the kind, `discriminator`); `delayMs` holds it back.
   * Resolves with whether it is new: `false` when a job with that id is queued already (the
   * same request, accepted twice).
   */
  async add(job: RunJob, discriminator?: string | number, delayMs = 0): Promise<boolean> {
    const jobId = runJobId(job.instance_id, job.kind, discriminator);
    const request = { ...job, request_id: globalThis.crypto.randomUUID() };
    await this.queue.add(job.kind, request, {
      jobId,
      ...(delayMs > 0 ? { delay: delayMs } : {}),
    });
    // BullMQ keeps the first job under an id and answers a second add as if it were new: the
    // stored job says whose it is. Gone already (done and removed) means it was this one.
    const stored = await this.queue.getJob(jobId);
    return !stored || (stored.data as RunJob).request_id === request.request_id;
  }

  /** Whether a job of `kind` with that id is waiting, delayed or being processed. */
  async isPending(
    instanceId: string,
    kind: RunJobKind,
    discriminator?: string | number,
  ): Promise<boolean> {
    const job = await this.queue.getJob(runJobId(instanceId, kind, discriminator));
    if (!job) return false;
    const state = await job.getState();
    return state !== 'completed' && state !== 'failed' && state !== 'unknown';
  }

  /** Jobs waiting for a worker (waiting, prioritized, delayed): the queue depth. */
  depth(): Promise<number> {
    return this.queue.getJobCountByTypes('waiting', 'prioritized', 'delayed');
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
