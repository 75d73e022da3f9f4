import type {
  Connection,
  FinalConnectionState,
  IsValidConnection,
  OnConnectEnd,
  OnConnectStart,
} from '@xyflow/react';
import { useCallback, useMemo, useRef } from 'react';
import { enCore } from '../i18n/enCore';
import type { Messages } from '../i18n/Messages';
import type { ConnectFrom, EditorEdge } from '../store/editorTypes';
import { useEditorStoreApi } from '../store/useEditorStoreApi';

/** One end of a connection being drawn. */
interface HandleRef {
  nodeId: string;
  id: string | null;
  type: 'source' | 'target';
}

/** The @xyflow/react connection callbacks of {@link useConnectionHandlers}. */
export interface ConnectionHandlers {
  isValidConnection: IsValidConnection<EditorEdge>;
  onConnect: (connection: Connection) => void;
  onConnectEnd: OnConnectEnd;
  onClickConnectStart: OnConnectStart;
  onClickConnectEnd: (event: MouseEvent | TouchEvent) => void;
}

function handleOf(target: EventTarget | null): HandleRef | undefined {
  const element = target instanceof Element ? target.closest('.react-flow__handle') : null;
  const nodeId = element?.getAttribute('data-nodeid');
  if (!element || !nodeId) return undefined;
  const type = element.classList.contains('source') ? 'source' : 'target';
  return { nodeId, id: element.getAttribute('data-handleid'), type };
}

/** Where a pointer or touch event happened on screen. */
function pointOf(event: MouseEvent | TouchEvent): { x: number; y: number } {
  const touch = 'changedTouches' in event ? event.changedTouches[0] : undefined;
  return touch
    ? { x: touch.clientX, y: touch.clientY }
    : { x: (event as MouseEvent).clientX, y: (event as MouseEvent).clientY };
}

/**
 * Checks connections through the store as they are drawn (by drag or by clicking two handles)
 * and tells `onRefused` why one was refused: a self-loop, a cycle, a wrong direction... A
 * connection dropped on the empty pane is told to `onDroppedOnPane` (to pick a node to add).
 * The reasons are worded in `refusals` (a catalogue's `canvas.refusals`; English by default).
 */
export function useConnectionHandlers(
  onRefused: (message: string) => void,
  onDroppedOnPane?: (from: ConnectFrom, screenPoint: { x: number; y: number }) => void,
  refusals: Messages['canvas']['refusals'] = enCore.canvas.refusals,
): ConnectionHandlers {
  const store = useEditorStoreApi();
  const clickStart = useRef<HandleRef | null>(null);
  const connected = useRef(false);

  const explain = useCallback(
    (from: HandleRef, to: HandleRef) => {
      if (from.nodeId === to.nodeId && from.id === to.id && from.type === to.type) return;
      if (from.type === to.type) {
        onRefused(refusals.wrong_direction);
        return;
      }
      const [source, target] = from.type === 'source' ? [from, to] : [to, from];
      const check = store.getState().checkConnection({
        source: source.nodeId,
        sourceHandle: source.id,
        target: target.nodeId,
        targetHandle: target.id,
      });
      if (!check.ok) onRefused(refusals[check.reason]);
    },
    [store, onRefused, refusals],
  );

  return useMemo<ConnectionHandlers>(
    () => ({
      isValidConnection: (connection) =>
        store.getState().checkConnection({
          source: connection.source,
          target: connection.target,
          sourceHandle: connection.sourceHandle ?? null,
          targetHandle: connection.targetHandle ?? null,
        }).ok,
      onConnect: (connection) => {
        const result = store.getState().connect(connection);
        connected.current = result.ok;
        if (!result.ok) onRefused(refusals[result.reason]);
      },
      onConnectEnd: (event, end: FinalConnectionState) => {
        const target = event.target instanceof Element ? event.target : null;
        if (
          onDroppedOnPane &&
          end.fromHandle &&
          !end.toNode &&
          !end.toHandle &&
          target?.closest('.react-flow__pane') &&
          !target.closest('.react-flow__node')
        ) {
          onDroppedOnPane(
            {
              nodeId: end.fromHandle.nodeId,
              handleId: end.fromHandle.id ?? null,
              handleType: end.fromHandle.type,
            },
            pointOf(event),
          );
          return;
        }
        if (end.isValid !== false || !end.fromHandle || !end.toHandle) return;
        explain(
          {
            nodeId: end.fromHandle.nodeId,
            id: end.fromHandle.id ?? null,
            type: end.fromHandle.type,
          },
          { nodeId: end.toHandle.nodeId, id: end.toHandle.id ?? null, type: end.toHandle.type },
        );
      },
      onClickConnectStart: (_event, { nodeId, handleId, handleType }) => {
        connected.current = false;
        clickStart.current =
          nodeId && handleType ? { nodeId, id: handleId ?? null, type: handleType } : null;
      },
      onClickConnectEnd: (event) => {
        const from = clickStart.current;
        clickStart.current = null;
        const to = handleOf(event.target);
        // A click on the pane cancels; a connection made needs no explanation.
        if (!from || !to || connected.current) return;
        explain(from, to);
      },
    }),
    [store, onRefused, explain, onDroppedOnPane, refusals],
  );
}
