import { Suspense, useEffect, useLayoutEffect, useRef } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { lazyWorkbenchPart, loadWorkbench } from '../workbench/lazyWorkbenchPart';
import { readStoredNumber } from './storedNumber';

// The panel and its dock load with the run workbench, the first time the panel opens.
const DockedRunPanel = lazyWorkbenchPart('DockedRunPanel');

/** Where the dock keeps its height (`ResizableDock`'s default key) and its first height. */
const PANEL_HEIGHT_KEY = 'flowloom.executionPanel.height';
const DEFAULT_PANEL_HEIGHT = 320;

/** Props of {@link ExecutionDock}. */
export interface ExecutionDockProps {
  /** The run started last in the editor. */
  instanceId: string | undefined;
  /** Whether the panel is shown (else a bar offers to show it). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Whether there is anything to show (a run, or a saved workflow's history): else nothing. */
  available: boolean;
  /** Told when the panel opened, closed or was resized: the canvas re-fits the view. */
  onLayoutChange?: () => void;
  /** Each new value moves focus to the panel (a run started: the panel follows it). */
  focusRequest?: number;
  /** Where focus goes when the panel closes and the control that opened it is gone. */
  onFocusFallback?: () => void;
}

/**
 * The editor's execution panel, docked under the canvas: resizable (the size is remembered),
 * and collapsed to a bar with a Runs button while closed. Closing it gives focus back to the
 * control that opened it (Execute, or the Runs button).
 */
export function ExecutionDock({
  instanceId,
  open,
  onOpenChange,
  available,
  onLayoutChange,
  focusRequest,
  onFocusFallback,
}: ExecutionDockProps) {
  const dockWords = useMessages('dock', enCore.dock);
  const runsButton = useRef<HTMLButtonElement>(null);
  /** What opened the panel: the Runs button, or the element focused then (Execute). */
  const opener = useRef<'runs' | HTMLElement | null>(null);
  const wasOpen = useRef(open);

  // Fetched once there is something to show, so the panel opens at once on the first Execute.
  useEffect(() => {
    if (available) void loadWorkbench().catch(() => {});
  }, [available]);

  useLayoutEffect(() => {
    if (wasOpen.current === open) return;
    wasOpen.current = open;
    if (open) {
      if (opener.current !== 'runs') {
        const active = document.activeElement;
        opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      }
      return;
    }
    const from = opener.current;
    opener.current = null;
    if (from instanceof HTMLElement && from.isConnected) from.focus();
    else if (runsButton.current) runsButton.current.focus();
    else onFocusFallback?.();
  }, [open, onFocusFallback]);

  if (open) {
    const height = readStoredNumber(PANEL_HEIGHT_KEY, DEFAULT_PANEL_HEIGHT);
    return (
      <Suspense
        fallback={
          <div
            className="flowloom-editor__execution"
            style={{ flex: `0 0 ${height}px` }}
            aria-busy="true"
          />
        }
      >
        <DockedRunPanel
          instanceId={instanceId}
          onClose={() => onOpenChange(false)}
          onResize={onLayoutChange}
          focusRequest={focusRequest}
        />
      </Suspense>
    );
  }
  if (!available) return null;
  return (
    <div className="flowloom-editor__dock-bar">
      <button
        ref={runsButton}
        type="button"
        className="flowloom-button"
        aria-expanded={false}
        title={dockWords.showHint}
        onClick={() => {
          opener.current = 'runs';
          onOpenChange(true);
        }}
      >
        {dockWords.show}
      </button>
    </div>
  );
}
