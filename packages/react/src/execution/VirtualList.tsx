import { type Key, type ReactNode, type UIEvent, useLayoutEffect, useRef, useState } from 'react';
import { visibleRange } from './visibleRange';

/** Props of {@link VirtualList}. */
export interface VirtualListProps<T> {
  /** Every item; only the visible ones (plus `overscan`) are rendered. */
  items: readonly T[];
  /** Every row's height in px: rows are laid out at `index * rowHeight`. */
  rowHeight: number;
  /** Renders one row's content. */
  renderRow: (item: T, index: number) => ReactNode;
  /** A stable key per item. @default the index */
  getKey?: (item: T, index: number) => Key;
  /**
   * The viewport's height in px, set on the scroll container. Without it the container is sized
   * by CSS and measured; until measured (or where nothing is laid out, as in jsdom) 400 is assumed.
   */
  height?: number;
  /** Rows rendered above and below the visible ones. @default 8 */
  overscan?: number;
  /** Shown instead of the rows when `items` is empty. */
  empty?: ReactNode;
  className?: string;
  /** The list's accessible name (on its `<ul>`). */
  'aria-label'?: string;
}

const ASSUMED_VIEWPORT_HEIGHT = 400;

/**
 * A list that renders only the rows in view, so ten thousand entries scroll as smoothly as ten.
 *
 * @remarks Rows have one fixed height: content taller than `rowHeight` is clipped (the CSS
 * truncates it with an ellipsis).
 *
 * @example
 * <VirtualList items={logs} rowHeight={24} renderRow={(log) => log.message} aria-label="Logs" />
 */
export function VirtualList<T>({
  items,
  rowHeight,
  renderRow,
  getKey,
  height,
  overscan = 8,
  empty,
  className,
  'aria-label': ariaLabel,
}: VirtualListProps<T>) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measuredHeight, setMeasuredHeight] = useState(0);

  useLayoutEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const measure = () => setMeasuredHeight(container.clientHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => observer.disconnect();
  }, []);

  const viewportHeight = measuredHeight > 0 ? measuredHeight : (height ?? ASSUMED_VIEWPORT_HEIGHT);
  const { start, end } = visibleRange({
    scrollTop,
    viewportHeight,
    rowHeight,
    count: items.length,
    overscan,
  });

  const rows: ReactNode[] = [];
  for (let index = start; index < end; index++) {
    const item = items[index] as T;
    rows.push(
      <li
        key={getKey ? getKey(item, index) : index}
        aria-setsize={items.length}
        aria-posinset={index + 1}
        data-index={index}
        className="flowloom-virtual-list__row"
        style={{
          position: 'absolute',
          top: index * rowHeight,
          left: 0,
          right: 0,
          height: rowHeight,
        }}
      >
        {renderRow(item, index)}
      </li>,
    );
  }

  return (
    <div
      ref={containerRef}
      // A scroll container must be reachable by keyboard to be scrolled with the arrow keys.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: it is a scroll container.
      tabIndex={0}
      className={className ? `flowloom-virtual-list ${className}` : 'flowloom-virtual-list'}
      style={{ overflowY: 'auto', position: 'relative', height }}
      onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
    >
      {items.length === 0 && empty !== undefined ? (
        <p className="flowloom-virtual-list__empty">{empty}</p>
      ) : null}
      {/* As tall as every row together, so the scrollbar is right; only some rows are in it. */}
      <ul
        aria-label={ariaLabel}
        className="flowloom-virtual-list__spacer"
        style={{
          position: 'relative',
          height: items.length * rowHeight,
          margin: 0,
          padding: 0,
          listStyle: 'none',
        }}
      >
        {rows}
      </ul>
    </div>
  );
}
