import type { WorkflowComponentMetadata } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import type { CompiledParameters } from './compileParameters';

/** A component as the registry holds it: validated metadata plus what the engine needs. */
export interface RegisteredComponent {
  /** The validated metadata, defaults applied. */
  readonly metadata: WorkflowComponentMetadata;
  /** Runs one step. */
  readonly execute: (context: ExecutionContext) => Promise<ExecutionResult>;
  /** Compiled parameter checks and defaults. */
  readonly parameters: CompiledParameters;
  /** The handles followed on success when the result names none. */
  readonly successHandles: readonly string[];
  /**
   * Whether a success must name its handles (`output_handle`): the component declares output
   * handles besides `error` but none a success follows by default.
   */
  readonly mustChooseHandle: boolean;
  /** The handle followed on failure, when the component declares one (`error`). */
  readonly errorHandle: string | undefined;
  /** Whether it is a trigger: where runs start. */
  readonly isTrigger: boolean;
}
