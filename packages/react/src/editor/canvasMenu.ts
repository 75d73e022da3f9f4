import type { ConnectFrom } from '../store/editorTypes';

/** A point in viewport (client) coordinates. */
export interface ScreenPoint {
  x: number;
  y: number;
}

/** The canvas's open menu: a node's, the pane's, the component picker or the connection list. */
export type CanvasMenu =
  | { kind: 'node'; nodeId: string; at: ScreenPoint }
  | { kind: 'pane'; at: ScreenPoint }
  /** Picks the step to connect a node (or one of its handles) to, or from: the keyboard's way. */
  | { kind: 'connect'; at: ScreenPoint; from: ConnectFrom }
  /** Picks a component to add at `at`, connected to `from` when a connection was dropped. */
  | { kind: 'picker'; at: ScreenPoint; from?: ConnectFrom };
