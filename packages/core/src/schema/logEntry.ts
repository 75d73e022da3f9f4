import { z } from 'zod';

/** Severity of a log entry. */
export const LogLevelSchema = z.enum(['debug', 'info', 'warn', 'error']);
/** Severity of a log entry. */
export type LogLevel = z.infer<typeof LogLevelSchema>;

/** One line of a run's log, written by a step's logger or by the engine. */
export const LogEntrySchema = z.object({
  /** The instance it belongs to. */
  instance_id: z.string(),
  /** The `seq` of the `log` event that carried it; orders logs and serves `?since=`. */
  seq: z.number().int().min(1),
  /** The step that wrote it; null for the engine's own lines. */
  step_id: z.string().nullable(),
  level: LogLevelSchema,
  message: z.string(),
  /** Structured detail. */
  data: z.unknown().optional(),
  /** ISO time it was written. */
  timestamp: z.string(),
});

/** One line of a run's log. */
export type LogEntry = z.infer<typeof LogEntrySchema>;
