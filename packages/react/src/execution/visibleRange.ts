/** What a virtual list needs to know to pick the rows to render. */
export interface VisibleRangeInput {
  /** How far the scroll container is scrolled, in px. */
  scrollTop: number;
  /** The scroll container's visible height, in px. */
  viewportHeight: number;
  /** Every row's height, in px. */
  rowHeight: number;
  /** How many rows there are. */
  count: number;
  /** Rows rendered above and below the visible ones, so a fast scroll shows no gap. */
  overscan: number;
}

/** A half-open range of row indexes: `start` included, `end` excluded. */
export interface VisibleRange {
  start: number;
  end: number;
}

/**
 * The rows a fixed-row-height virtual list renders: those in view plus `overscan` on each side.
 *
 * @example
 * visibleRange({ scrollTop: 2000, viewportHeight: 200, rowHeight: 20, count: 10_000, overscan: 5 });
 * // → { start: 95, end: 115 }
 */
export function visibleRange(input: VisibleRangeInput): VisibleRange {
  const { count, overscan } = input;
  if (count <= 0 || input.rowHeight <= 0) return { start: 0, end: 0 };
  const maxScrollTop = Math.max(0, count * input.rowHeight - input.viewportHeight);
  // A scroll position past the end (the list shrank under it) still shows the last rows.
  const scrollTop = Math.min(Math.max(0, input.scrollTop), maxScrollTop);
  const first = Math.floor(scrollTop / input.rowHeight);
  const last = Math.ceil((scrollTop + Math.max(0, input.viewportHeight)) / input.rowHeight);
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(count, Math.max(last, first + 1) + overscan),
  };
}
