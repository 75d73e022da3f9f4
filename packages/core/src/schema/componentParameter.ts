import { z } from 'zod';
import { checkParameterRules } from './checkParameterRules';
import { ParameterTypeSchema } from './parameterType';

/** One choice of a `select` parameter. A bare string or number is shorthand for `{ value }`. */
export const ParameterOptionSchema = z
  .union([
    z.string(),
    z.number(),
    z.object({ value: z.union([z.string(), z.number()]), label: z.string().optional() }),
  ])
  .transform((option) =>
    typeof option === 'object'
      ? { value: option.value, label: option.label ?? String(option.value) }
      : { value: option, label: String(option) },
  );

/** One choice of a `select` parameter, normalised. */
export type ParameterOption = z.output<typeof ParameterOptionSchema>;

/** Describes one parameter of a component: what the form shows and what the value must be. */
export const ComponentParameterSchema = z
  .object({
    /** Key in `data.parameters` and in `context.input_data`. */
    name: z
      .string()
      .regex(
        /^[A-Za-z_][A-Za-z0-9_]*$/,
        'Parameter name must be an identifier (letters, digits, _)',
      )
      // `__proto__` cannot be a key of a plain parameter object: assigning it sets the prototype.
      .refine((name) => name !== '__proto__', 'Parameter name "__proto__" is reserved'),
    /** Form label. */
    label: z.string().min(1, 'Parameter label must not be empty'),
    /** How the value is typed and edited. */
    type: ParameterTypeSchema,
    /** Whether a value must be given (a default counts). */
    required: z.boolean().default(false),
    /** Help text under the field. */
    description: z.string().optional(),
    /** Value used when none is given. */
    default: z.unknown().optional(),
    /** Hint shown in an empty field. */
    placeholder: z.string().optional(),
    /** The choices of a `select` parameter. */
    options: z.array(ParameterOptionSchema).optional(),
    /** Lower bound: the value of a `number`, the length of a string. */
    min: z.number().optional(),
    /** Upper bound: the value of a `number`, the length of a string. */
    max: z.number().optional(),
    /** Whether a `number` must be a whole number. */
    integer: z.boolean().optional(),
    /**
     * The credential type a `secret` parameter expects (`smtp`, `api_key`, ...): the editor
     * offers only credentials of this type.
     */
    credential_type: z.string().min(1).max(100).optional(),
  })
  .superRefine(checkParameterRules);

/** One parameter of a component, as validated (defaults applied). */
export type ComponentParameter = z.output<typeof ComponentParameterSchema>;
/** One parameter of a component, as written by a component author. */
export type ComponentParameterInput = z.input<typeof ComponentParameterSchema>;
