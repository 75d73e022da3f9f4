import type { ComponentParameterInput } from '../schema/componentParameter';

type OptionValue<O> = O extends { value: infer V } ? V : O;

/**
 * What a `secret` parameter holds in `execute()`: the credential's field named by its reference
 * (`{ credential_id, field }`), or the credential's whole data when the reference names none.
 */
export type SecretValue = string | Readonly<Record<string, string>>;

/** The TypeScript type of one parameter's resolved value. */
export type ParameterValue<P extends ComponentParameterInput> = P['type'] extends
  | 'string'
  | 'textarea'
  ? string
  : P['type'] extends 'secret'
    ? SecretValue
    : P['type'] extends 'number'
      ? number
      : P['type'] extends 'boolean'
        ? boolean
        : P['type'] extends 'select'
          ? P['options'] extends ReadonlyArray<infer O>
            ? OptionValue<O>
            : string | number
          : unknown;

type IsGuaranteed<P> = P extends { required: true }
  ? true
  : P extends { default: infer D }
    ? undefined extends D
      ? false
      : true
    : false;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The `input_data` type of a component whose parameters are `Params`: required parameters and
 * those with a default are always present, the others may be undefined.
 */
export type ParameterValues<Params extends ReadonlyArray<ComponentParameterInput>> = Simplify<
  {
    [P in Params[number] as IsGuaranteed<P> extends true ? P['name'] : never]: ParameterValue<P>;
  } & {
    [P in Params[number] as IsGuaranteed<P> extends true ? never : P['name']]?: ParameterValue<P>;
  }
>;
