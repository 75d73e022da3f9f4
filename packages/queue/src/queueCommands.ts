import { z } from 'zod';

/** A command to whichever worker runs an instance now, over the commands channel. */
export const QueueCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stop'), instance_id: z.string().min(1), reason: z.string() }),
  z.object({
    type: z.literal('resume_wait'),
    instance_id: z.string().min(1),
    step_id: z.string().min(1),
    data: z.unknown(),
  }),
]);

/** A command to the worker running an instance. */
export type QueueCommand = z.infer<typeof QueueCommandSchema>;

/** A command read from the channel, or `undefined` for a message that is none. */
export function parseQueueCommand(message: string): QueueCommand | undefined {
  try {
    const parsed = QueueCommandSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
