import { z } from 'zod';
import { checkParameterDeclarations } from './checkParameterDeclarations';
import { ComponentCategorySchema } from './componentCategory';
import {
  ComponentHandleSchema,
  DEFAULT_INPUT_HANDLE,
  DEFAULT_OUTPUT_HANDLE,
} from './componentHandle';
import { ComponentParameterSchema } from './componentParameter';

/** Everything the UI and the engine know about a component type. */
export const WorkflowComponentMetadataSchema = z
  .object({
    /** Unique id of the component type, used as the node's `type`. */
    type: z
      .string()
      .regex(
        /^[A-Za-z][A-Za-z0-9_.:-]*$/,
        'Component type must start with a letter and hold only letters, digits, _ . : -',
      ),
    /** Display name in the palette. */
    name: z.string().min(1, 'Component name must not be empty'),
    /** One-line description in the palette. */
    description: z.string().default(''),
    /** Palette group. */
    category: ComponentCategorySchema,
    /** Icon name (e.g. a Heroicons name such as `EnvelopeIcon`) or a URL. */
    icon: z.string().default('CubeIcon'),
    /** Tailwind gradient names (`from-purple-500 to-indigo-600`) or a CSS colour. */
    color: z.string().default('from-slate-500 to-slate-600'),
    /** Version of the component's contract. */
    version: z.string().default('1.0.0'),
    /** The parameters its form shows. */
    parameters: z.array(ComponentParameterSchema).default([]),
    /** Input handles; defaults to one `input` handle. Triggers declare none. */
    input_handles: z.array(ComponentHandleSchema).default([DEFAULT_INPUT_HANDLE]),
    /** Output handles; defaults to one `output` handle. */
    output_handles: z.array(ComponentHandleSchema).default([DEFAULT_OUTPUT_HANDLE]),
    /**
     * What the component's `output_data` looks like, as a JSON-Schema-like object (`type`,
     * `properties`, `items`, `description`, ...): a hint for editors, e.g. to suggest
     * `{{ steps.<id>.<field> }}` or preview a step's fields. Free-form: it is neither checked
     * as a JSON Schema nor used to check outputs.
     * @example { type: 'object', properties: { status: { type: 'number' }, body: {} } }
     */
    output_schema: z.record(z.string(), z.unknown()).optional(),
  })
  // Cross-field checks run even when some field failed, so one registration lists every problem.
  .superRefine(
    (metadata, ctx) => {
      const raw = metadata as unknown as Record<string, unknown>;
      checkHandles(raw.input_handles, 'target', 'input_handles', ctx);
      checkHandles(raw.output_handles, 'source', 'output_handles', ctx);
      checkParameterDeclarations(raw.parameters, ctx);
    },
    { when: (payload) => payload.value !== null && typeof payload.value === 'object' },
  );

/** Component metadata as validated (defaults applied). */
export type WorkflowComponentMetadata = z.output<typeof WorkflowComponentMetadataSchema>;
/** Component metadata as written by a component author (optional fields may be left out). */
export type WorkflowComponentMetadataInput = z.input<typeof WorkflowComponentMetadataSchema>;

function checkHandles(
  handles: unknown,
  expectedType: 'source' | 'target',
  field: string,
  ctx: z.RefinementCtx,
): void {
  if (!Array.isArray(handles)) return;
  const seen = new Set<string>();
  handles.forEach((handle: unknown, index) => {
    const { id, type } = (handle ?? {}) as { id?: unknown; type?: unknown };
    // A handle whose type is not source/target at all already carries the enum's issue.
    if ((type === 'source' || type === 'target') && type !== expectedType) {
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'type'],
        message: `Handle "${String(id)}" in ${field} must have type "${expectedType}"`,
      });
    }
    if (typeof id !== 'string') return;
    if (seen.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: [field, index, 'id'],
        message: `Handle id "${id}" is declared twice in ${field}`,
      });
    }
    seen.add(id);
  });
}
