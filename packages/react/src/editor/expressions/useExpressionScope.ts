import type { ExpressionScope } from '@flowloom/core';
import { useMemo } from 'react';
import { enCanvas } from '../../i18n/enCanvas';
import { useMessages } from '../../i18n/useMessages';
import { ancestorsOf } from '../../store/ancestorsOf';
import {
  selectComponents,
  selectEdges,
  selectNodes,
  selectRunData,
} from '../../store/editorSelectors';
import { useEditorStore } from '../../store/useEditorStore';
import { nodeNames } from '../nodeNames';
import { pinnedRunInput } from '../pinnedRunInput';
import type { CompletionScope } from './completionScope';

/** What a node's expressions can reach: for completion and for previews. */
export interface ExpressionContext {
  completion: CompletionScope;
  /** The scope previews resolve against: the last run's outputs of the steps before the node. */
  preview: ExpressionScope;
  /** Whether there is a run to read steps and variables from. */
  hasRun: boolean;
}

/**
 * The steps before a node (only those its expressions can read), their last outputs and
 * output schemas, and the run's input and variables: the last run's, else the trigger's pinned
 * test input.
 */
export function useExpressionScope(nodeId: string | undefined): ExpressionContext {
  const nodes = useEditorStore(selectNodes);
  const edges = useEditorStore(selectEdges);
  const components = useEditorStore(selectComponents);
  const runData = useEditorStore(selectRunData);
  const text = useMessages('parameters', enCanvas.parameters);
  return useMemo(() => {
    const ancestors = nodeId === undefined ? [] : ancestorsOf(edges, nodeId);
    const names = nodeNames(nodes, components);
    const typeOf = new Map(nodes.map((node) => [node.id, node.type ?? '']));
    const outputs: Record<string, unknown> = {};
    const schemas: Record<string, unknown> = {};
    for (const id of ancestors) {
      if (runData && Object.hasOwn(runData.outputs, id)) outputs[id] = runData.outputs[id];
      // Read loosely: `output_schema` is an optional, newer field of component metadata.
      const schema = (components[typeOf.get(id) ?? ''] as { output_schema?: unknown } | undefined)
        ?.output_schema;
      if (schema !== undefined) schemas[id] = schema;
    }
    const input = runData?.input ?? pinnedRunInput({ nodes, components }) ?? {};
    const vars = runData?.vars ?? {};
    return {
      completion: {
        steps: ancestors.map((id) => ({ id, name: names.get(id) ?? id })),
        outputs,
        schemas,
        input,
        vars,
        rootDetails: { input: text.inputDetail, vars: text.varsDetail },
      },
      preview: { steps: outputs, input, vars, stepIds: new Set(nodes.map((node) => node.id)) },
      hasRun: runData !== undefined,
    };
  }, [nodeId, nodes, edges, components, runData, text]);
}
