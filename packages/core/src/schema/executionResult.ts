import { z } from 'zod';

/** What a component's `execute` returns. */
export const ExecutionResultSchema = z.object({
  /** Whether the step succeeded. */
  success: z.boolean(),
  /** The step's output, readable by later steps as `{{ steps.<id>.<path> }}`. */
  output_data: z.record(z.string(), z.unknown()).default({}),
  /** Why it failed: a message, or `{ code, message }`. */
  error: z
    .union([z.string(), z.object({ code: z.string().optional(), message: z.string() })])
    .optional(),
  /**
   * The output handle(s) to follow. Defaults to `success` or `output` on success and to `error`
   * on failure.
   */
  output_handle: z.union([z.string(), z.array(z.string())]).optional(),
  /** Run variables to set, readable by later steps as `{{ vars.<name> }}`. */
  set_variables: z.record(z.string(), z.unknown()).optional(),
});

/** What a component's `execute` returns. */
export type ExecutionResult = z.input<typeof ExecutionResultSchema>;
