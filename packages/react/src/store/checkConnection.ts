import type { ComponentHandle, WorkflowComponentMetadata } from '@flowloom/core';
import type { Connection } from '@xyflow/react';
import type { ConnectionRefusal, EditorState } from './editorTypes';
import { isReachable } from './isReachable';

/** What {@link checkConnection} finds: the handles the edge would use, or why it is refused. */
export type ConnectionCheck =
  | { ok: true; sourceHandle: string | null; targetHandle: string | null }
  | { ok: false; reason: ConnectionRefusal };

type End = { ok: true; handle: string | null } | { ok: false; reason: ConnectionRefusal };

/**
 * Checks a connection as it is drawn: no self-loop, from an output handle to an input handle,
 * handles the components declare, no duplicate edge and no cycle.
 *
 * @remarks A node whose component metadata is not known (not loaded yet, or an unknown type)
 * takes any handle as written; the server's validation reports it on save.
 * @example
 * <ReactFlow isValidConnection={(c) => checkConnection(store.getState(), c).ok} />
 */
export function checkConnection(
  state: Pick<EditorState, 'nodes' | 'edges' | 'components'>,
  connection: Connection,
): ConnectionCheck {
  const { source, target } = connection;
  if (source === target) return { ok: false, reason: 'self_loop' };
  const sourceNode = state.nodes.find((node) => node.id === source);
  const targetNode = state.nodes.find((node) => node.id === target);
  if (!sourceNode || !targetNode) return { ok: false, reason: 'unknown_handle' };
  const sourceComponent = state.components[sourceNode.type ?? ''];
  const targetComponent = state.components[targetNode.type ?? ''];
  const from = resolveEnd(sourceComponent, 'source', connection.sourceHandle);
  if (!from.ok) return from;
  const to = resolveEnd(targetComponent, 'target', connection.targetHandle);
  if (!to.ok) return to;
  const duplicate = state.edges.some(
    (edge) =>
      edge.source === source &&
      edge.target === target &&
      sameHandle(resolveEnd(sourceComponent, 'source', edge.sourceHandle), from.handle) &&
      sameHandle(resolveEnd(targetComponent, 'target', edge.targetHandle), to.handle),
  );
  if (duplicate) return { ok: false, reason: 'duplicate' };
  if (isReachable(state.edges, target, source)) return { ok: false, reason: 'cycle' };
  return { ok: true, sourceHandle: from.handle, targetHandle: to.handle };
}

/** Resolves the handle used at one end: an omitted one is fine when the side has exactly one. */
function resolveEnd(
  component: WorkflowComponentMetadata | undefined,
  end: 'source' | 'target',
  written: string | null | undefined,
): End {
  if (!component) return { ok: true, handle: written ?? null };
  const own: readonly ComponentHandle[] =
    end === 'source' ? component.output_handles : component.input_handles;
  const other: readonly ComponentHandle[] =
    end === 'source' ? component.input_handles : component.output_handles;
  if (written === null || written === undefined) {
    return own.length === 1
      ? { ok: true, handle: own[0]!.id }
      : { ok: false, reason: 'unknown_handle' };
  }
  if (own.some((handle) => handle.id === written)) return { ok: true, handle: written };
  if (other.some((handle) => handle.id === written))
    return { ok: false, reason: 'wrong_direction' };
  return { ok: false, reason: 'unknown_handle' };
}

function sameHandle(existing: End, handle: string | null): boolean {
  return existing.ok && existing.handle === handle;
}
