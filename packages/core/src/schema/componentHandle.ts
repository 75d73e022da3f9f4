import { z } from 'zod';
import { isReservedId } from './isReservedId';

/** A connection point on a node: `target` handles take input, `source` handles give output. */
export const ComponentHandleSchema = z.object({
  /** Unique per side of the component, e.g. `input`, `success`, `error`; not a reserved id. */
  id: z
    .string()
    .min(1, 'Handle id must not be empty')
    .refine((id) => !isReservedId(id), {
      error: (issue) => `Handle id "${issue.input}" is reserved`,
    }),
  /** `target` for an input handle, `source` for an output handle. */
  type: z.enum(['source', 'target']),
  /** Where the editor draws it on the node. */
  position: z.enum(['left', 'right', 'top', 'bottom']),
  /** Text shown beside the handle. */
  label: z.string().optional(),
});

/** A connection point on a node. */
export type ComponentHandle = z.infer<typeof ComponentHandleSchema>;

// In a module of their own, free of zod: the React editor uses them without the schemas.
export { DEFAULT_INPUT_HANDLE, DEFAULT_OUTPUT_HANDLE } from './defaultHandles';
