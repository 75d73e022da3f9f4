import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { withDirectCallDefaults } from './directCallExecute';

/**
 * Base class of the class form of a component: a static `getMetadata()` describes it, an async
 * `execute(context)` runs one step.
 *
 * @example
 * class EmailSenderComponent extends BaseWorkflowComponent {
 *   static getMetadata(): WorkflowComponentMetadataInput {
 *     return { type: 'email_sender', name: 'Email Sender', category: ComponentCategory.OUTPUT_ACTIONS, ... };
 *   }
 *   async execute(context: ExecutionContext): Promise<ExecutionResult> {
 *     return { success: true, output_data: { sent: true } };
 *   }
 * }
 * componentRegistry.registerComponent(EmailSenderComponent);
 *
 * @remarks The registry makes one instance per registration and shares it across steps and
 * runs: keep per-run state in the context, not in fields.
 */
export abstract class BaseWorkflowComponent {
  // Subclasses declare `static getMetadata()`. The base class leaves it out on purpose: a static
  // here would force `override` on every subclass under `noImplicitOverride`, unlike the seed's
  // form; registerComponent checks for it instead.

  constructor() {
    // `this.execute` is the subclass's method here: wrapped so a direct call (the seed's
    // component test) gets the declared defaults and a complete context, as the engine gives.
    const self = this as unknown as { execute: unknown };
    if (typeof self.execute === 'function') {
      const component = this.constructor as Partial<ComponentClass>;
      self.execute = withDirectCallDefaults(
        (self.execute as BaseWorkflowComponent['execute']).bind(this),
        () => component.getMetadata?.().parameters,
      );
    }
  }

  /**
   * Runs one step. Return `success: false` (or throw) to fail it.
   *
   * @remarks Called directly (without an engine), `context.input_data` gets the parameters'
   * declared defaults and a context holding only the seed's six fields is completed with a
   * never-aborted `signal` and a collecting `logger` (see `createExecutionContext`).
   */
  abstract execute(context: ExecutionContext): Promise<ExecutionResult>;
}

/** A concrete subclass of {@link BaseWorkflowComponent}, as `registerComponent` takes it. */
export interface ComponentClass {
  new (): BaseWorkflowComponent;
  getMetadata(): WorkflowComponentMetadataInput;
  /** Checks beyond the declared types (e.g. a cron expression); runs after them. */
  validateParameters?(values: Readonly<Record<string, unknown>>): CustomParameterIssue[];
}

/** A problem found by a component's own parameter check. */
export interface CustomParameterIssue {
  /** The parameter's name. */
  parameter: string;
  message: string;
}
