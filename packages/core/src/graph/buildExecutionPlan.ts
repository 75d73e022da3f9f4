import { compileValue } from '../expressions/compileValue';
import type { ExpressionOptions } from '../expressions/parseTemplate';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import type { RegisteredComponent } from '../registry/registeredComponent';
import { RetrySettingsSchema, type WorkflowData } from '../schema/workflowData';
import { deepFreeze } from '../store/deepFreeze';
import { type DynamicParameter, ExecutionPlan, NO_PARAMETERS, PlanStep } from './executionPlan';
import { invalidWorkflowError } from './invalidWorkflowError';
import {
  inspectWorkflow,
  type ValidateWorkflowOptions,
  type WorkflowInspection,
} from './validateWorkflow';

const NO_RETRY = Object.freeze(RetrySettingsSchema.parse({}));
const NO_HANDLES: ReadonlySet<string> = new Set<string>();
const NO_DYNAMIC: readonly DynamicParameter[] = Object.freeze([]);

/**
 * Compiles a workflow document into an {@link ExecutionPlan}: validates it, resolves handles,
 * applies parameter defaults and compiles expressions, once per run rather than once per step.
 *
 * @param options - `limits` the document is validated against, as in `validateWorkflow`.
 * @throws FlowloomError `INVALID_WORKFLOW` with every problem when the document is invalid.
 */
export function buildExecutionPlan(
  workflowData: unknown,
  registry: ComponentRegistry,
  options: ValidateWorkflowOptions = {},
): ExecutionPlan {
  return planWorkflow(workflowData, registry, options).plan;
}

/** A validated document (parsed, frozen, defaults applied) and its plan, from one validation. */
export interface PlannedWorkflow {
  readonly document: WorkflowData;
  readonly plan: ExecutionPlan;
}

/**
 * Validates a workflow document once and compiles its plan from that validation, keeping the
 * parsed document (what an instance stores).
 *
 * @param errorPath - where the document sits in the caller's input, for the error's issues.
 * @throws FlowloomError `INVALID_WORKFLOW` with every problem when the document is invalid.
 */
export function planWorkflow(
  workflowData: unknown,
  registry: ComponentRegistry,
  options: ValidateWorkflowOptions = {},
  errorPath = '',
): PlannedWorkflow {
  const inspection = inspectWorkflow(workflowData, registry, options);
  const document = inspection.index?.data;
  if (!inspection.result.valid || !document) {
    throw invalidWorkflowError(inspection.result.errors, errorPath);
  }
  return { document, plan: compileExecutionPlan(inspection, options) };
}

/**
 * Compiles a workflow that `inspectWorkflow` found valid, reusing what the inspection built
 * (the parsed document, its index and graph): creating an instance validates once, and its
 * plan comes from that same pass.
 *
 * @throws FlowloomError `INVALID_WORKFLOW` for an inspection that did not find it valid.
 */
export function compileExecutionPlan(
  inspection: WorkflowInspection,
  options: ValidateWorkflowOptions = {},
): ExecutionPlan {
  const { result: validation, index, graph } = inspection;
  if (!validation.valid || !index || !graph) throw invalidWorkflowError(validation.errors);
  const expressionOptions = {
    maxExpressionLength: options.limits?.maxExpressionLength,
    maxResultLength: options.limits?.maxStepOutputBytes,
  };
  const { order, position } = graph;
  const edgeCount = index.edges.length;
  const columns = {
    ids: new Array<string>(edgeCount),
    source: new Uint32Array(edgeCount),
    sourceHandle: new Array<string>(edgeCount),
    target: new Uint32Array(edgeCount),
    targetHandle: new Array<string>(edgeCount),
  };
  // Each step's connected handles, as a key into the sets shared between steps.
  const handleKeys = new Array<string>(order.length).fill('');
  index.edges.forEach((edge, at) => {
    const source = position.get(edge.source)!;
    columns.ids[at] = edge.edge.id;
    columns.source[at] = source;
    columns.sourceHandle[at] = edge.sourceHandle;
    columns.target[at] = position.get(edge.target)!;
    columns.targetHandle[at] = edge.targetHandle;
    const key = handleKeys[source]!;
    // Most steps have one connected handle: its key is the handle, with no string made.
    if (key === '') handleKeys[source] = edge.sourceHandle;
    else if (key !== edge.sourceHandle && !`\n${key}\n`.includes(`\n${edge.sourceHandle}\n`)) {
      handleKeys[source] = `${key}\n${edge.sourceHandle}`;
    }
  });
  const handleSets = new Map<string, ReadonlySet<string>>([['', NO_HANDLES]]);
  const entries = new Set(graph.entries);
  const steps = order.map((id, at) => {
    const { node, component } = index.nodes.get(id)!;
    const registered = component!;
    const settings = node.data.settings;
    const timeoutMs = settings?.timeout_ms;
    const retry = settings?.retry ?? NO_RETRY;
    const { baseParameters, dynamicParameters } = compileParameters(
      registered,
      node.data.parameters,
      expressionOptions,
    );
    let connectedHandles = handleSets.get(handleKeys[at]!);
    if (!connectedHandles) {
      connectedHandles = new Set(handleKeys[at]!.split('\n'));
      handleSets.set(handleKeys[at]!, connectedHandles);
    }
    return new PlanStep(
      at,
      id,
      registered,
      baseParameters,
      dynamicParameters,
      timeoutMs,
      retry,
      connectedHandles,
      entries.has(id),
      graph.reachable[at] === 1,
      timeoutMs === undefined && retry.max_attempts === 1 && !hasSecrets(registered),
      node.data.disabled === true,
      settings?.on_error,
      passHandlesOf(registered),
    );
  });
  // The analysis's positions are the steps' indices: the plan keeps that very map.
  return new ExecutionPlan(steps, columns, undefined, position);
}

/**
 * A step's parameters with defaults applied, frozen (every run hands these very objects to the
 * component, so a component changing its input_data would otherwise change later runs), and
 * those holding expressions compiled. Shared empties for a step with none.
 */
function compileParameters(
  component: RegisteredComponent,
  given: Readonly<Record<string, unknown>>,
  expressionOptions: ExpressionOptions,
): {
  baseParameters: Readonly<Record<string, unknown>>;
  dynamicParameters: readonly DynamicParameter[];
} {
  // A frozen document's parameters are shared as they are when no default applies to them.
  const noDefaults = isEmpty(component.parameters.defaults);
  const withDefaults =
    noDefaults && Object.isFrozen(given) ? given : component.parameters.withDefaults(given);
  if (isEmpty(withDefaults))
    return { baseParameters: NO_PARAMETERS, dynamicParameters: NO_DYNAMIC };
  const names = Object.keys(withDefaults);
  const baseParameters = deepFreeze(withDefaults);
  let dynamicParameters: DynamicParameter[] | undefined;
  for (const name of names) {
    const value = compileValue(baseParameters[name], expressionOptions);
    if (!value.dynamic) continue;
    dynamicParameters ??= [];
    dynamicParameters.push({ name, value });
  }
  return { baseParameters, dynamicParameters: dynamicParameters ?? NO_DYNAMIC };
}

function hasSecrets(component: RegisteredComponent): boolean {
  return component.metadata.parameters.some((parameter) => parameter.type === 'secret');
}

/** Success handles, or the first non-error output handle of a step that picks its own. */
function passHandlesOf(component: RegisteredComponent): readonly string[] {
  if (component.successHandles.length > 0) return component.successHandles;
  const first = component.metadata.output_handles.find((handle) => handle.id !== 'error');
  return first ? [first.id] : [];
}

/** Whether an object has no own enumerable key, found without making an array of its keys. */
function isEmpty(value: Readonly<Record<string, unknown>>): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}
