import { toFlowloomError } from '../errors/FlowloomError';
import { compileValue } from '../expressions/compileValue';
import type { ComponentRegistry } from '../registry/ComponentRegistry';
import { componentRegistry } from '../registry/defaultRegistry';
import type { WorkflowIssue, WorkflowValidationResult } from '../schema/workflowValidation';
import { analyseGraph, type GraphAnalysis } from './analyseGraph';
import { error, type IndexedNode, indexWorkflow, type WorkflowIndex } from './indexWorkflow';

/**
 * Checks a workflow document against the registry and returns every problem, each pinned to its
 * node, edge and field. Never throws, whatever the input.
 *
 * @param registry - where component types are looked up.
 * @default registry componentRegistry (the default registry, built-ins included)
 * @example
 * const { valid, errors } = validateWorkflow(doc);
 * if (!valid) errors.filter((e) => e.severity === 'error').forEach((e) => console.log(e.node_id, e.message));
 */
export function validateWorkflow(
  workflowData: unknown,
  registry: ComponentRegistry = componentRegistry,
): WorkflowValidationResult {
  return inspectWorkflow(workflowData, registry).result;
}

/** A workflow's index and graph analysis beside its validation result, for plan building. */
export interface WorkflowInspection {
  result: WorkflowValidationResult;
  index?: WorkflowIndex;
  graph?: GraphAnalysis;
}

/** Validates a workflow and keeps the intermediate index and graph analysis. Never throws. */
export function inspectWorkflow(
  workflowData: unknown,
  registry: ComponentRegistry,
): WorkflowInspection {
  let issues: WorkflowIssue[];
  let index: WorkflowIndex | undefined;
  let graph: GraphAnalysis | undefined;
  try {
    index = indexWorkflow(workflowData, registry);
    issues = index.issues;
    if (index.nodes.size > 0 || issues.length === 0) {
      const knownIds = new Set([...index.nodes.keys(), ...index.malformedNodeIds]);
      for (const indexed of index.nodes.values()) checkParameters(indexed, knownIds, issues);
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
  knownIds: ReadonlySet<string>,
  issues: WorkflowIssue[],
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
  for (const [name, value] of Object.entries(values)) {
    try {
      for (const path of compileValue(value).paths) {
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
