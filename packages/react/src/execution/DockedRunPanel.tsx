import { useEffect, useRef } from 'react';
import { ResizableDock } from './ResizableDock';
import { RunPanel } from './RunPanel';

/** Props of {@link DockedRunPanel}. */
export interface DockedRunPanelProps {
  instanceId: string | undefined;
  onClose: () => void;
  /** Told the new height once a resize ends. */
  onResize?: (height: number) => void;
  /** Each new value moves focus to the panel again (another run started). */
  focusRequest?: number;
  /** Whether the panel takes focus when it appears. @default true */
  focusOnMount?: boolean;
}

/**
 * The execution panel in its resizable dock under the editor's canvas. It takes focus when it
 * opens (the control that opened it may be gone) and whenever `focusRequest` changes.
 */
export function DockedRunPanel({
  instanceId,
  onClose,
  onResize,
  focusRequest,
  focusOnMount = true,
}: DockedRunPanelProps) {
  const contentRef = useRef<HTMLDivElement>(null);
  const mounted = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new focusRequest focuses again.
  useEffect(() => {
    const first = !mounted.current;
    mounted.current = true;
    if (first && !focusOnMount) return;
    contentRef.current?.querySelector<HTMLElement>('.flowloom-execution-panel')?.focus();
  }, [focusRequest, focusOnMount]);
  return (
    <ResizableDock className="flowloom-editor__execution" onResize={onResize}>
      <div ref={contentRef} className="flowloom-dock__panel">
        <RunPanel instanceId={instanceId} onClose={onClose} />
      </div>
    </ResizableDock>
  );
}
