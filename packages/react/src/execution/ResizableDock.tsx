import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { readStoredNumber, writeStoredNumber } from './storedNumber';

/** Props of {@link ResizableDock}. */
export interface ResizableDockProps {
  children?: ReactNode;
  /** Where the height is remembered in `localStorage`. @default 'flowloom.executionPanel.height' */
  storageKey?: string;
  /** The height in px until the user sets one. @default 320 */
  defaultHeight?: number;
  /** @default 120 */
  minHeight?: number;
  /** The largest share of the parent's height it may take. @default 0.85 */
  maxShare?: number;
  /**
   * Told the height once the dock is first laid out, and the new height once a resize ends
   * (pointer released, or a key pressed): e.g. to fit the canvas above it.
   */
  onResize?: (height: number) => void;
  /** Added to the dock's class names. */
  className?: string;
}

/** How far one arrow key press moves the edge, in px (Page Up/Down: four times as far). */
const KEY_STEP = 16;

/**
 * A panel docked under the canvas whose top edge can be dragged (or moved with the arrow keys
 * once focused) to resize it; the height is remembered in `localStorage`, so the panel opens at
 * the size the user left it.
 */
export function ResizableDock({
  children,
  storageKey = 'flowloom.executionPanel.height',
  defaultHeight = 320,
  minHeight = 120,
  maxShare = 0.85,
  onResize,
  className,
}: ResizableDockProps) {
  const text = useMessages('dock', enCore.dock);
  const dockRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);
  const [height, setHeight] = useState(() =>
    Math.max(minHeight, readStoredNumber(storageKey, defaultHeight)),
  );
  const maxHeight = () => {
    const parent = dockRef.current?.parentElement?.clientHeight ?? 0;
    return parent > 0 ? Math.max(minHeight, Math.floor(parent * maxShare)) : Number.MAX_VALUE;
  };
  const clamp = (value: number) => Math.round(Math.min(maxHeight(), Math.max(minHeight, value)));

  const settle = useCallback(
    (value: number) => {
      writeStoredNumber(storageKey, value);
      onResize?.(value);
    },
    [storageKey, onResize],
  );

  const firstHeight = useRef(height);
  const onResizeRef = useRef(onResize);
  onResizeRef.current = onResize;
  useEffect(() => {
    onResizeRef.current?.(firstHeight.current);
  }, []);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drag.current = { startY: event.clientY, startHeight: height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    // Dragging the top edge up makes the panel taller.
    setHeight(clamp(drag.current.startHeight + drag.current.startY - event.clientY));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const next = clamp(drag.current.startHeight + drag.current.startY - event.clientY);
    drag.current = null;
    setHeight(next);
    settle(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowUp: KEY_STEP,
      ArrowDown: -KEY_STEP,
      PageUp: KEY_STEP * 4,
      PageDown: -KEY_STEP * 4,
    };
    let next: number;
    if (event.key in moves) next = clamp(height + moves[event.key]!);
    else if (event.key === 'Home') next = clamp(Number.MAX_VALUE);
    else if (event.key === 'End') next = clamp(minHeight);
    else return;
    event.preventDefault();
    setHeight(next);
    settle(next);
  };

  const max = maxHeight();
  return (
    <div
      ref={dockRef}
      className={className ? `flowloom-dock ${className}` : 'flowloom-dock'}
      style={{ flex: `0 0 ${height}px`, height }}
      data-height={height}
    >
      {/* A focusable window splitter (WAI-ARIA): the value is the panel's height in px. */}
      {/* biome-ignore lint/a11y/useSemanticElements: an <hr> can't be focused or dragged. */}
      <div
        className="flowloom-dock__handle"
        role="separator"
        aria-orientation="horizontal"
        aria-label={text.resize}
        aria-valuenow={height}
        aria-valuemin={minHeight}
        aria-valuemax={max === Number.MAX_VALUE ? undefined : max}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <div className="flowloom-dock__content">{children}</div>
    </div>
  );
}
