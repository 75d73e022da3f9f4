import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ComponentParameterInput } from '../schema/componentParameter';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import type { CustomParameterIssue } from './BaseWorkflowComponent';
import { withDirectCallDefaults } from './directCallExecute';
import type { ParameterValues } from './parameterValues';

/** A component written as one object: its metadata plus `execute`. */
export type ComponentDefinition<
  Params extends ReadonlyArray<ComponentParameterInput> = ReadonlyArray<ComponentParameterInput>,
> = Omit<WorkflowComponentMetadataInput, 'parameters'> & {
  /** The parameters its form shows; their types are inferred into `execute`'s `input_data`. */
  parameters?: Params;
  /**
   * Checks beyond the declared types (e.g. a cron expression); runs after them, on values that
   * hold no expression.
   */
  validate?(values: Readonly<Record<string, unknown>>): CustomParameterIssue[];
  /** Runs one step. Return `success: false` (or throw) to fail it. */
  execute(context: ExecutionContext<ParameterValues<Params>>): Promise<ExecutionResult>;
};

/**
 * Defines a component as one object, with `context.input_data` typed from `parameters`. Its
 * `execute`, called directly, applies the declared defaults and completes a partial context.
 *
 * @example
 * const Greet = defineComponent({
 *   type: 'greet', name: 'Greet', category: ComponentCategory.UTILITIES,
 *   parameters: [{ name: 'who', label: 'Who', type: ParameterType.STRING, required: true }],
 *   async execute({ input_data }) {
 *     return { success: true, output_data: { greeting: `Hello ${input_data.who}` } }; // who: string
 *   },
 * });
 * componentRegistry.registerComponent(Greet);
 */
export function defineComponent<const Params extends ReadonlyArray<ComponentParameterInput> = []>(
  definition: ComponentDefinition<Params>,
): ComponentDefinition<Params> {
  // A direct call of `execute` (a unit test) gets the declared defaults, as the engine gives.
  const execute = withDirectCallDefaults(
    definition.execute as (context: ExecutionContext) => Promise<ExecutionResult>,
    () => definition.parameters,
  );
  return { ...definition, execute } as ComponentDefinition<Params>;
}
