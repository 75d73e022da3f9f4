import type { Connection } from '@xyflow/react';
import { checkConnection } from './checkConnection';
import type { ConnectionRefusal, EditorState } from './editorTypes';
import { newEdgeId } from './newEdgeId';

/** The edge a connection makes, or why it is refused. */
export type EdgeForConnection =
  | {
      ok: true;
      edge: {
        id: string;
        source: string;
        sourceHandle: string | null;
        target: string;
        targetHandle: string | null;
      };
    }
  | { ok: false; reason: ConnectionRefusal };

/**
 * The edge a connection drawn on `state` makes: checked (see {@link checkConnection}), with
 * the handles the check resolved and an id no edge of `state` has.
 */
export function edgeForConnection(
  state: Pick<EditorState, 'nodes' | 'edges' | 'components'>,
  connection: Connection,
): EdgeForConnection {
  const check = checkConnection(state, connection);
  if (!check.ok) return check;
  const ends = {
    source: connection.source,
    sourceHandle: check.sourceHandle,
    target: connection.target,
    targetHandle: check.targetHandle,
  };
  const id = newEdgeId(ends, new Set(state.edges.map((edge) => edge.id)));
  return { ok: true, edge: { id, ...ends } };
}
