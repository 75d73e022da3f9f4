import { compileValue } from '../expressions/compileValue';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import { RetrySettingsSchema } from '../schema/workflowData';
import { deepFreeze } from '../store/deepFreeze';
import type { ExecutionPlan, PlanEdge, PlanStep } from './executionPlan';
import { invalidWorkflowError } from './invalidWorkflowError';
import { inspectWorkflow, type ValidateWorkflowOptions } from './validateWorkflow';

const NO_RETRY = RetrySettingsSchema.parse({});

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
  const { result: validation, index, graph } = inspectWorkflow(workflowData, registry, options);
  if (!validation.valid || !index || !graph) throw invalidWorkflowError(validation.errors);
  const expressionOptions = {
    maxExpressionLength: options.limits?.maxExpressionLength,
    maxResultLength: options.limits?.maxStepOutputBytes,
  };
  const indexById = new Map(graph.order.map((id, at) => [id, at]));
  const edges: PlanEdge[] = index.edges.map((edge) => ({
    id: edge.edge.id,
    source: indexById.get(edge.source)!,
    sourceHandle: edge.sourceHandle,
    target: indexById.get(edge.target)!,
    targetHandle: edge.targetHandle,
  }));
  const incoming: number[][] = graph.order.map(() => []);
  const outgoing: number[][] = graph.order.map(() => []);
  edges.forEach((edge, at) => {
    outgoing[edge.source]!.push(at);
    incoming[edge.target]!.push(at);
  });
  const entries = new Set(graph.entries);
  const steps: PlanStep[] = graph.order.map((id, at) => {
    const { node, component } = index.nodes.get(id)!;
    const registered = component!;
    // Frozen: every run hands these very objects to the component (no per-step copies), so a
    // component that tried to change its input_data would otherwise change later runs.
    const baseParameters = deepFreeze(registered.parameters.withDefaults(node.data.parameters));
    const dynamicParameters = Object.entries(baseParameters)
      .map(([name, value]) => ({ name, value: compileValue(value, expressionOptions) }))
      .filter((parameter) => parameter.value.dynamic);
    return {
      index: at,
      id,
      component: registered,
      baseParameters,
      dynamicParameters,
      timeoutMs: node.data.settings?.timeout_ms,
      retry: node.data.settings?.retry ?? NO_RETRY,
      incoming: incoming[at]!,
      outgoing: outgoing[at]!,
      connectedHandles: new Set(outgoing[at]!.map((edgeAt) => edges[edgeAt]!.sourceHandle)),
      isEntry: entries.has(id),
      reachable: graph.reachable.has(id),
    };
  });
  return { steps, edges, indexById, stepIds: new Set(graph.order) };
}
