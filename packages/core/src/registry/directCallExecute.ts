import { isMissingValue } from '../schema/checkParameterValue';
import type { ComponentParameterInput } from '../schema/componentParameter';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { createExecutionContext, type ExecutionContextInit } from './createExecutionContext';

type Execute = (context: ExecutionContext) => Promise<ExecutionResult>;

/** Each wrapper's unwrapped `execute`, for the registry, whose engine prepares contexts itself. */
const unwrapped = new WeakMap<object, Execute>();

/**
 * Wraps a component's `execute` for host code that calls it directly (a unit test, the seed's
 * component test): the declared parameter defaults are applied to `input_data`, and a context
 * with only the seed's six fields is completed (a never-aborted `signal`, a collecting `logger`,
 * ...; see `createExecutionContext`). A context that needs neither is passed on as it is.
 *
 * @param parameters - read on the first call, so a class's `getMetadata()` runs only if needed.
 */
export function withDirectCallDefaults(
  execute: Execute,
  parameters: () => ReadonlyArray<ComponentParameterInput> | undefined,
): Execute {
  let defaults: ReadonlyArray<readonly [string, unknown]> | undefined;
  const wrapped = function (this: unknown, context: ExecutionContext): Promise<ExecutionResult> {
    defaults ??= (parameters() ?? []).flatMap((parameter) =>
      parameter.default === undefined ? [] : [[parameter.name, parameter.default] as const],
    );
    return execute.call(this, prepareContext(context, defaults));
  };
  unwrapped.set(wrapped, execute);
  return wrapped;
}

/** The `execute` a {@link withDirectCallDefaults} wrapper calls, or `execute` itself. */
export function unwrapExecute<T extends Execute>(execute: T): T {
  return (unwrapped.get(execute) as T | undefined) ?? execute;
}

function prepareContext(
  context: ExecutionContext,
  defaults: ReadonlyArray<readonly [string, unknown]>,
): ExecutionContext {
  const complete = isComplete(context)
    ? context
    : createExecutionContext(context as unknown as ExecutionContextInit);
  const input = (complete.input_data ?? {}) as Record<string, unknown>;
  if (!defaults.some(([name]) => isMissingValue(input[name]))) return complete;
  const withDefaults: Record<string, unknown> = { ...input };
  for (const [name, value] of defaults) {
    if (isMissingValue(withDefaults[name])) withDefaults[name] = value;
  }
  // A plain object is copied; a class instance (its getters on the prototype) is extended.
  const prototype = Object.getPrototypeOf(complete);
  if (prototype === Object.prototype || prototype === null) {
    return { ...complete, input_data: withDefaults };
  }
  return Object.create(complete, {
    input_data: { value: withDefaults, enumerable: true },
  }) as ExecutionContext;
}

function isComplete(context: Partial<ExecutionContext> | undefined): context is ExecutionContext {
  return (
    context !== undefined &&
    context !== null &&
    typeof context.signal?.aborted === 'boolean' &&
    typeof context.logger?.info === 'function' &&
    typeof context.idempotency_key === 'string' &&
    context.run_input !== undefined &&
    context.inputs !== undefined
  );
}
