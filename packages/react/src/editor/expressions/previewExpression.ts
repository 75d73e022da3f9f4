import { compileValue, type ExpressionScope } from '@flowloom/core';

/** What a parameter value resolves to against the last run. */
export type ExpressionPreview =
  /** The value holds no expression. */
  | { kind: 'none' }
  /** It resolves: `text` shows the value (JSON, shortened). */
  | { kind: 'value'; text: string }
  /** It does not resolve (or does not parse): the reason, as the engine words it. */
  | { kind: 'problem'; message: string }
  /** It reads steps or variables and there is no run to read them from yet. */
  | { kind: 'no-run' };

/** Longest preview shown, in characters. */
const MAX_PREVIEW = 300;

/**
 * Resolves a parameter value as the engine would (core's `compileValue`: `parseTemplate` and
 * `evaluatePath`), against the scope of the last run: the value, or why it does not resolve.
 *
 * @param hasRun - whether `scope` holds a run's data; without one only `input` (the pinned test
 * input) can be previewed.
 */
export function previewExpression(
  value: unknown,
  scope: ExpressionScope,
  hasRun: boolean,
): ExpressionPreview {
  let compiled: ReturnType<typeof compileValue>;
  try {
    compiled = compileValue(value);
  } catch (error) {
    return { kind: 'problem', message: messageOf(error) };
  }
  if (!compiled.dynamic) return { kind: 'none' };
  if (!hasRun && compiled.paths.some((path) => path.root !== 'input')) return { kind: 'no-run' };
  try {
    return { kind: 'value', text: shorten(show(compiled.evaluate(scope))) };
  } catch (error) {
    return { kind: 'problem', message: messageOf(error) };
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value) ?? String(value);
}

function shorten(text: string): string {
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW)}…` : text;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
