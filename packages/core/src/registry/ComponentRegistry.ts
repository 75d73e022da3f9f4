import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import { toErrorIssues } from '../errors/zodIssues';
import { ComponentCategory } from '../schema/componentCategory';
import {
  type WorkflowComponentMetadata,
  WorkflowComponentMetadataSchema,
} from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import type { ComponentClass } from './BaseWorkflowComponent';
import {
  type CustomParameterCheck,
  compileParameters,
  type ValidateParametersOptions,
} from './compileParameters';
import type { ComponentDefinition } from './defineComponent';
import { unwrapExecute } from './directCallExecute';
import type { ParameterIssue } from './parameterIssue';
import type { RegisteredComponent } from './registeredComponent';

/** What `registerComponent` takes: a component class or a `defineComponent` definition. */
// biome-ignore lint/suspicious/noExplicitAny: definitions of any parameter list are accepted.
export type RegistrableComponent = ComponentClass | ComponentDefinition<any>;

/** Options of {@link ComponentRegistry}. */
export interface ComponentRegistryOptions {
  /** Components to register at once. */
  components?: ReadonlyArray<RegistrableComponent>;
}

/**
 * Holds the component types a host offers: metadata for the UI, parameter checks for validation,
 * and `execute` for the engine.
 *
 * @example
 * const registry = new ComponentRegistry({ components: builtinComponents });
 * registry.registerComponent(EmailSenderComponent);
 * registry.getAllComponents(); // metadata for the palette
 */
export class ComponentRegistry {
  private readonly components = new Map<string, RegisteredComponent>();
  private changeCount = 0;

  constructor(options: ComponentRegistryOptions = {}) {
    for (const component of options.components ?? []) this.registerComponent(component);
  }

  /**
   * Registers a component class or definition and returns its validated metadata.
   *
   * @throws FlowloomError `INVALID_COMPONENT` listing every problem with the metadata, or
   * `DUPLICATE_COMPONENT` when the type is already registered.
   */
  registerComponent(component: RegistrableComponent): WorkflowComponentMetadata {
    const { rawMetadata, execute, customCheck } = readComponent(component);
    const parsed = WorkflowComponentMetadataSchema.safeParse(rawMetadata);
    if (!parsed.success) {
      const issues = toErrorIssues(parsed.error);
      const name = describeComponent(component, rawMetadata);
      throw new FlowloomError(
        ErrorCode.INVALID_COMPONENT,
        `Invalid component ${name}: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
        { issues },
      );
    }
    const metadata = parsed.data;
    if (this.components.has(metadata.type)) {
      throw new FlowloomError(
        ErrorCode.DUPLICATE_COMPONENT,
        `A component of type "${metadata.type}" is already registered`,
        { issues: [{ path: 'type', message: `Type "${metadata.type}" is already registered` }] },
      );
    }
    this.components.set(metadata.type, buildRegisteredComponent(metadata, execute, customCheck));
    this.changeCount += 1;
    return metadata;
  }

  /** Removes a component type; returns whether it was registered. */
  unregisterComponent(type: string): boolean {
    const removed = this.components.delete(type);
    if (removed) this.changeCount += 1;
    return removed;
  }

  /** Whether a component type is registered. */
  hasComponent(type: string): boolean {
    return this.components.has(type);
  }

  /** The metadata of one component type, or `undefined` when it is not registered. */
  getComponent(type: string): WorkflowComponentMetadata | undefined {
    return this.components.get(type)?.metadata;
  }

  /** The metadata of every registered component, in registration order. */
  getAllComponents(): WorkflowComponentMetadata[] {
    return [...this.components.values()].map((component) => component.metadata);
  }

  /** The metadata of every component, grouped by category (every category present, maybe empty). */
  getComponentsByCategory(): Record<ComponentCategory, WorkflowComponentMetadata[]> {
    const groups = Object.fromEntries(
      Object.values(ComponentCategory).map((category) => [category, []]),
    ) as unknown as Record<ComponentCategory, WorkflowComponentMetadata[]>;
    for (const { metadata } of this.components.values()) groups[metadata.category].push(metadata);
    return groups;
  }

  /**
   * Every problem with a step's parameter values, each naming its parameter.
   *
   * @throws FlowloomError `UNKNOWN_COMPONENT` when the type is not registered.
   */
  validateParameters(
    type: string,
    values: unknown,
    options?: ValidateParametersOptions,
  ): ParameterIssue[] {
    return this.resolve(type).parameters.validate(values, options);
  }

  /**
   * The runtime view of a component, for the engine.
   *
   * @throws FlowloomError `UNKNOWN_COMPONENT` when the type is not registered.
   */
  resolve(type: string): RegisteredComponent {
    const component = this.components.get(type);
    if (!component) {
      throw new FlowloomError(ErrorCode.UNKNOWN_COMPONENT, `Unknown component type "${type}"`);
    }
    return component;
  }

  /** The runtime view of a component, or `undefined`. */
  find(type: string): RegisteredComponent | undefined {
    return this.components.get(type);
  }

  /** Grows by one on every change; lets a server derive an ETag for the component list. */
  get revision(): number {
    return this.changeCount;
  }
}

type Execute = (context: ExecutionContext) => Promise<ExecutionResult>;

interface ReadComponent {
  rawMetadata: unknown;
  execute: Execute;
  customCheck: CustomParameterCheck | undefined;
}

function readComponent(component: RegistrableComponent): ReadComponent {
  if (typeof component === 'function') {
    if (typeof component.getMetadata !== 'function') {
      throw new FlowloomError(
        ErrorCode.INVALID_COMPONENT,
        `${component.name || 'Component class'} has no static getMetadata() method`,
      );
    }
    const name = component.name || 'Component class';
    const rawMetadata = callComponentCode(() => component.getMetadata(), `${name}.getMetadata()`);
    const instance = callComponentCode(() => new component(), `new ${name}()`);
    if (typeof instance.execute !== 'function') {
      throw new FlowloomError(
        ErrorCode.INVALID_COMPONENT,
        `${component.name} has no execute() method`,
      );
    }
    const customCheck =
      typeof component.validateParameters === 'function'
        ? component.validateParameters.bind(component)
        : undefined;
    // The engine gives complete contexts with defaults applied: skip the direct-call wrapper.
    const execute = unwrapExecute(instance.execute);
    return { rawMetadata, execute: (context) => execute.call(instance, context), customCheck };
  }
  if (component === null || typeof component !== 'object') {
    throw new FlowloomError(
      ErrorCode.INVALID_COMPONENT,
      'registerComponent takes a BaseWorkflowComponent subclass or a defineComponent() definition',
    );
  }
  const { execute, validate, ...rawMetadata } = component;
  if (typeof execute !== 'function') {
    throw new FlowloomError(
      ErrorCode.INVALID_COMPONENT,
      `Component ${describeComponent(component, rawMetadata)} has no execute function`,
      { issues: [{ path: 'execute', message: 'execute must be a function' }] },
    );
  }
  return {
    rawMetadata,
    execute: unwrapExecute(execute as Execute).bind(component),
    customCheck: typeof validate === 'function' ? validate.bind(component) : undefined,
  };
}

/** Runs a component author's code; what it throws becomes an INVALID_COMPONENT error. */
function callComponentCode<T>(run: () => T, what: string): T {
  try {
    return run();
  } catch (thrown) {
    if (thrown instanceof FlowloomError) throw thrown;
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new FlowloomError(ErrorCode.INVALID_COMPONENT, `${what} threw: ${reason}`, {
      cause: thrown,
    });
  }
}

function buildRegisteredComponent(
  metadata: WorkflowComponentMetadata,
  execute: Execute,
  customCheck: CustomParameterCheck | undefined,
): RegisteredComponent {
  const outputIds = metadata.output_handles.map((handle) => handle.id);
  const errorHandle = outputIds.includes('error') ? 'error' : undefined;
  const nonError = outputIds.filter((id) => id !== 'error');
  let successHandles: string[] = [];
  if (outputIds.includes('success')) successHandles = ['success'];
  else if (outputIds.includes('output')) successHandles = ['output'];
  else if (nonError.length === 1) successHandles = nonError;
  return {
    metadata,
    execute,
    parameters: compileParameters(metadata.parameters, customCheck),
    successHandles,
    mustChooseHandle: successHandles.length === 0 && nonError.length > 0,
    errorHandle,
    isTrigger: metadata.category === ComponentCategory.TRIGGERS,
  };
}

function describeComponent(component: RegistrableComponent, rawMetadata: unknown): string {
  const type = (rawMetadata as { type?: unknown } | null)?.type;
  if (typeof type === 'string') return `"${type}"`;
  return typeof component === 'function' ? component.name : '(unnamed)';
}
