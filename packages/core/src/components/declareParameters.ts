import type { ComponentParameterInput } from '../schema/componentParameter';

/**
 * Returns a parameter list unchanged, keeping its literal types so that
 * `ParameterValues<typeof PARAMETERS>` can type a component's `input_data`.
 *
 * @example
 * const PARAMETERS = declareParameters([
 *   { name: 'ms', label: 'Milliseconds', type: ParameterType.NUMBER, required: true },
 * ]);
 * type DelayParameters = ParameterValues<typeof PARAMETERS>; // { ms: number }
 */
export function declareParameters<const P extends ReadonlyArray<ComponentParameterInput>>(
  parameters: P,
): P {
  return parameters;
}
