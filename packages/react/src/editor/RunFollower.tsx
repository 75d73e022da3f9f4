import { useClearOnRunEnd } from '../execution/useClearOnRunEnd';
import { useLiveRunStatus } from './useLiveRunStatus';

/** Props of {@link RunFollower}. */
export interface RunFollowerProps {
  /** The run started last in the editor. */
  instanceId: string;
  /** The toolbar's notice now; the one shown when the run started is the run's. */
  notice: unknown;
  /** Clears the run's notice ("Execution started.") once the run has ended. */
  onRunEnd: () => void;
}

/**
 * Follows the editor's run and shows nothing: each node's live status on the canvas, and the
 * run's notice cleared when it ends. It loads with the run workbench (the execution panel opens
 * with a run anyway), so the event feed and its WebSocket client are not in the initial bundle;
 * events that arrive meanwhile are replayed to it.
 */
export function RunFollower({ instanceId, notice, onRunEnd }: RunFollowerProps): null {
  useLiveRunStatus(instanceId);
  useClearOnRunEnd(instanceId, notice, onRunEnd);
  return null;
}
