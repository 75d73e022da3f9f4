import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useElapsedTime } from './useElapsedTime';

const start = new Date('2024-01-01T00:00:00.000Z');

describe('useElapsedTime', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(start.getTime() + 5_000));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is undefined before the run starts', () => {
    const { result } = renderHook(() => useElapsedTime(null, null, false));
    expect(result.current).toBeUndefined();
  });

  it('counts from started_at to now and ticks while running', () => {
    const { result } = renderHook(() => useElapsedTime(start.toISOString(), null, true));
    expect(result.current).toBe(5_000);
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(result.current).toBe(8_000);
  });

  it('is fixed at finished_at − started_at once the run ended', () => {
    const finished = new Date(start.getTime() + 1_234).toISOString();
    const { result } = renderHook(() => useElapsedTime(start.toISOString(), finished, true));
    expect(result.current).toBe(1_234);
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(result.current).toBe(1_234);
  });

  it('stops ticking when no longer running', () => {
    const { result, rerender } = renderHook(
      ({ ticking }) => useElapsedTime(start.toISOString(), null, ticking),
      { initialProps: { ticking: true } },
    );
    rerender({ ticking: false });
    const frozen = result.current;
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(result.current).toBe(frozen);
  });

  it('shows the right time from the first render of a run that starts after it mounted', () => {
    const seen: Array<number | undefined> = [];
    const { rerender } = renderHook(
      ({ startedAt }: { startedAt: string | null }) => {
        const elapsed = useElapsedTime(startedAt, null, startedAt !== null);
        seen.push(elapsed);
        return elapsed;
      },
      { initialProps: { startedAt: null as string | null } },
    );
    vi.setSystemTime(new Date(start.getTime() + 60_000));
    rerender({ startedAt: new Date(start.getTime() + 58_000).toISOString() });
    expect(seen.filter((value) => value !== undefined)).toEqual(
      seen.filter((value) => value !== undefined).map(() => 2_000),
    );
    expect(seen.at(-1)).toBe(2_000);
  });
});
