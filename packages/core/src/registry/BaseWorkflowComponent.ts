import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';

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

  /** Runs one step. Return `success: false` (or throw) to fail it. */
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
