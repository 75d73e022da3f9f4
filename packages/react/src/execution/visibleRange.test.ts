import { describe, expect, it } from 'vitest';
import { visibleRange } from './visibleRange';

const base = { scrollTop: 0, viewportHeight: 200, rowHeight: 20, count: 10_000, overscan: 5 };

describe('visibleRange', () => {
  it('renders the rows in view plus the overscan below at the top', () => {
    expect(visibleRange(base)).toEqual({ start: 0, end: 15 });
  });

  it('renders the overscan on both sides when scrolled into the middle', () => {
    expect(visibleRange({ ...base, scrollTop: 2000 })).toEqual({ start: 95, end: 115 });
  });

  it('includes a row that is only partly in view', () => {
    expect(visibleRange({ ...base, scrollTop: 10, overscan: 0 })).toEqual({ start: 0, end: 11 });
  });

  it('stops at the last row at the bottom', () => {
    expect(visibleRange({ ...base, scrollTop: 199_800 })).toEqual({ start: 9985, end: 10_000 });
  });

  it('clamps a scroll position past the end to the last rows', () => {
    expect(visibleRange({ ...base, count: 20, scrollTop: 5000 })).toEqual({ start: 5, end: 20 });
  });

  it('renders every row of a list shorter than the viewport', () => {
    expect(visibleRange({ ...base, count: 3 })).toEqual({ start: 0, end: 3 });
  });

  it('renders nothing for an empty list', () => {
    expect(visibleRange({ ...base, count: 0 })).toEqual({ start: 0, end: 0 });
  });

  it('renders at least one row when the viewport has no height yet', () => {
    expect(visibleRange({ ...base, viewportHeight: 0, overscan: 0 })).toEqual({ start: 0, end: 1 });
  });
});
