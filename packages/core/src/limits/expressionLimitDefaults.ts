// The defaults of the limits that expression code reads, as plain numbers: expressions run in
// browsers too (the editor's previews), and reading `DEFAULT_LIMITS` there would bring zod along.
// `WorkflowLimitsSchema` takes its defaults for these two limits from here.

/** The default of `limits.maxExpressionLength`: characters in one `{{ ... }}` expression. */
export const DEFAULT_MAX_EXPRESSION_LENGTH = 10_000;

/** The default of `limits.maxStepOutputBytes`: 1 MiB of serialized JSON. */
export const DEFAULT_MAX_STEP_OUTPUT_BYTES = 1024 * 1024;
