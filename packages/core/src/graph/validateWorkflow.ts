import { toFlowloomError } from '../errors/FlowloomError';
import { compileValue } from '../expressions/compileValue';
import type { ExpressionOptions } from '../expressions/parseTemplate';
import { resolveLimits, type WorkflowLimits } from '../limits/workflowLimits';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import { componentRegistry } from '../registry/defaultRegistry';
import type { WorkflowIssue, WorkflowValidationResult } from '../schema/workflowValidation';
import { analyseGraph, type GraphAnalysis } from './analyseGraph';
import { checkDocumentLimits } from './checkDocumentLimits';
import { error, type IndexedNode, indexWorkflow, type WorkflowIndex } from './indexWorkflow';
import { parseWorkflowDocument } from './parseWorkflowDocument';

/** Options of {@link validateWorkflow}, `inspectWorkflow` and `buildExecutionPlan`. */
export interface ValidateWorkflowOptions {
  /**
   * Limits to check the document against: `maxNodes`, `maxEdges`, `maxJsonDepth` and
   * `maxExpressionLength` apply here; any left out take their defaults.
   * @default DEFAULT_LIMITS
   */
  limits?: Partial<WorkflowLimits>;
}

/**
 * Checks a workflow document against the registry and returns every problem, each pinned to its
 * node, edge and field. Never throws, whatever the document.
 *
 * @param registry - where component types are looked up.
 * @param options - `limits` on the document's size, nesting and expressions.
 * @default registry componentRegistry (the default registry, built-ins included)
 * @remarks A document over `maxNodes`, `maxEdges` or `maxJsonDepth` gets one issue
 * (`TOO_MANY_NODES`, `TOO_MANY_EDGES`, `TOO_DEEP`) and is not checked further.
 * @throws ZodError only for `options.limits` that are not whole numbers in range (a host's bug).
 * @example
 * const { valid, errors } = validateWorkflow(doc);
 * if (!valid) errors.filter((e) => e.severity === 'error').forEach((e) => console.log(e.node_id, e.message));
 */
export function validateWorkflow(
  workflowData: unknown,
  registry: ComponentRegistry = componentRegistry,
  options: ValidateWorkflowOptions = {},
): WorkflowValidationResult {
  return inspectWorkflow(workflowData, registry, options).result;
}

/** A workflow's index and graph analysis beside its validation result, for plan building. */
export interface WorkflowInspection {
  result: WorkflowValidationResult;
  index?: WorkflowIndex;
  graph?: GraphAnalysis;
}

/**
 * Validates a workflow and keeps the intermediate index and graph analysis. Never throws for
 * the document (see {@link validateWorkflow} for the options).
 */
export function inspectWorkflow(
  workflowData: unknown,
  registry: ComponentRegistry,
  options: ValidateWorkflowOptions = {},
): WorkflowInspection {
  const limits = limitsOf(options.limits);
  const expressionOptions: ExpressionOptions = {
    maxExpressionLength: limits.maxExpressionLength,
  };
  let issues: WorkflowIssue[];
  let index: WorkflowIndex | undefined;
  let graph: GraphAnalysis | undefined;
  try {
    // The fast path checks the size limits as it goes; whatever it leaves takes the long way.
    const parsed = parseWorkflowDocument(workflowData, limits);
    if (!parsed) {
      const limitIssues = checkDocumentLimits(workflowData, limits);
      if (limitIssues.length > 0) {
        return { result: { valid: false, errors: limitIssues } };
      }
    }
    index = indexWorkflow(workflowData, registry, parsed);
    issues = index.issues;
    if (index.nodes.size > 0 || issues.length === 0) {
      // Looked up where they are: a copy of every id would be one more 10,000-entry set.
      const { nodes, malformedNodeIds } = index;
      const knownIds = {
        has: (id: string) => nodes.has(id) || malformedNodeIds.has(id),
      };
      for (const indexed of index.nodes.values()) {
        checkParameters(indexed, knownIds, issues, expressionOptions);
      }
      graph = analyseGraph(index);
      issues.push(...graph.issues);
    }
  } catch (thrown) {
    // A bug here must not take down a save: report it as a problem of the document.
    issues = [
      error(
        'MALFORMED_WORKFLOW',
        `The workflow could not be checked: ${toFlowloomError(thrown).message}`,
      ),
    ];
    index = undefined;
    graph = undefined;
  }
  const result = { valid: !issues.some((issue) => issue.severity === 'error'), errors: issues };
  return { result, index, graph };
}

function checkParameters(
  { node, component }: IndexedNode,
  knownIds: { has(id: string): boolean },
  issues: WorkflowIssue[],
  expressionOptions: ExpressionOptions,
): void {
  if (!component) return;
  const values = node.data.parameters;
  for (const issue of component.parameters.validate(values)) {
    issues.push({
      code: issue.code,
      message: issue.message,
      severity: issue.code === 'UNKNOWN_PARAMETER' ? 'warning' : 'error',
      node_id: node.id,
      field: issue.parameter,
    });
  }
  for (const name in values) {
    if (!Object.hasOwn(values, name)) continue;
    const value = values[name];
    try {
      for (const path of compileValue(value, expressionOptions).paths) {
        const stepId = path.root === 'steps' ? String(path.segments[0]) : undefined;
        if (stepId !== undefined && !knownIds.has(stepId)) {
          issues.push(
            error(
              'INVALID_EXPRESSION',
              `Expression "{{ ${path.source} }}" refers to unknown step "${stepId}"`,
              { node_id: node.id, field: name },
            ),
          );
        }
      }
    } catch (thrown) {
      issues.push(
        error('INVALID_EXPRESSION', toFlowloomError(thrown).message, {
          node_id: node.id,
          field: name,
        }),
      );
    }
  }
}

/**
 * Frozen limits objects already resolved, so an engine's own (frozen) limits are not parsed
 * again for every instance it creates. A limits object that may still change is parsed anew.
 */
const resolved = new WeakMap<object, WorkflowLimits>();

function limitsOf(input: Partial<WorkflowLimits> | undefined): WorkflowLimits {
  if (input === undefined || !Object.isFrozen(input)) return resolveLimits(input);
  let limits = resolved.get(input);
  if (!limits) {
    limits = resolveLimits(input);
    resolved.set(input, limits);
    resolved.set(limits, limits);
  }
  return limits;
}
