import type { ComponentHandle } from '@flowloom/core';
import type { Connection } from '@xyflow/react';
import { checkConnection } from '../store/checkConnection';
import type { ConnectFrom, EditorState } from '../store/editorTypes';

/** One connection the keyboard can make from a node (or a handle of it). */
export interface ConnectionOption {
  /** Unique among the options. */
  key: string;
  /** The other step. */
  nodeId: string;
  /** The handle to name beside the step: set when a side has several to choose from. */
  handle: string | undefined;
  connection: Connection;
}

type Side = Array<{ id: string | null; label: string | undefined }>;

function sideOf(handles: readonly ComponentHandle[] | undefined, only?: string | null): Side {
  if (!handles) return [{ id: only ?? null, label: undefined }];
  const chosen = only == null ? handles : handles.filter((handle) => handle.id === only);
  return chosen.map((handle) => ({ id: handle.id, label: handle.label ?? handle.id }));
}

/**
 * Every connection that can be made from one node, or one of its handles, to another step: from
 * its outputs to the other steps' inputs (`handleType: 'source'`), or from the other steps'
 * outputs into it (`'target'`). Only those the editor's checks accept are offered (no cycle, no
 * duplicate), in the order of the nodes; `handleId: null` means any handle of the node.
 */
export function connectionOptions(
  state: Pick<EditorState, 'nodes' | 'edges' | 'components'>,
  from: ConnectFrom,
): ConnectionOption[] {
  const node = state.nodes.find((candidate) => candidate.id === from.nodeId);
  if (!node) return [];
  const component = state.components[node.type ?? ''];
  const outgoing = from.handleType === 'source';
  const own = sideOf(
    outgoing ? component?.output_handles : component?.input_handles,
    from.handleId,
  );
  const options: ConnectionOption[] = [];
  for (const other of state.nodes) {
    if (other.id === node.id) continue;
    const otherComponent = state.components[other.type ?? ''];
    const theirs = sideOf(
      outgoing ? otherComponent?.input_handles : otherComponent?.output_handles,
    );
    for (const mine of own) {
      for (const their of theirs) {
        const connection: Connection = outgoing
          ? { source: node.id, sourceHandle: mine.id, target: other.id, targetHandle: their.id }
          : { source: other.id, sourceHandle: their.id, target: node.id, targetHandle: mine.id };
        if (!checkConnection(state, connection).ok) continue;
        // Name a handle only where there is a choice to tell apart.
        const named = [
          own.length > 1 ? mine.label : undefined,
          theirs.length > 1 ? their.label : undefined,
        ].filter((label): label is string => label !== undefined);
        options.push({
          key: `${connection.source}:${connection.sourceHandle ?? ''}>${connection.target}:${connection.targetHandle ?? ''}`,
          nodeId: other.id,
          handle: named.length > 0 ? named.join(' → ') : undefined,
          connection,
        });
      }
    }
  }
  return options;
}
