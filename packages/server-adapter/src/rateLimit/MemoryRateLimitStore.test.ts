import { describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from './MemoryRateLimitStore';

/** A store whose clock the test moves by hand. */
function storeWithClock(start = 1_000_000) {
  const clock = { now: start };
  return { clock, store: new MemoryRateLimitStore(() => clock.now) };
}

describe('MemoryRateLimitStore', () => {
  it('peeks at a window without counting', async () => {
    const { store } = storeWithClock();
    expect(await store.peek('k', 2, 60_000)).toMatchObject({ allowed: true, remaining: 2 });
    await store.consume('k', 2, 60_000);
    expect(await store.peek('k', 2, 60_000)).toMatchObject({ allowed: true, remaining: 1 });
    await store.consume('k', 2, 60_000);
    expect(await store.peek('k', 2, 60_000)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it('allows `points` requests per window, counting down what remains', async () => {
    const { store } = storeWithClock();
    expect(await store.consume('k', 3, 60_000)).toEqual({
      allowed: true,
      remaining: 2,
      retryAfterMs: 60_000,
    });
    expect(await store.consume('k', 3, 60_000)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await store.consume('k', 3, 60_000)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it('refuses the request after the last point, saying when the window resets', async () => {
    const { clock, store } = storeWithClock();
    await store.consume('k', 2, 60_000);
    clock.now += 20_000;
    await store.consume('k', 2, 60_000);
    clock.now += 5_000;
    expect(await store.consume('k', 2, 60_000)).toEqual({
      allowed: false,
      remaining: 0,
      retryAfterMs: 35_000,
    });
    expect(await store.consume('k', 2, 60_000)).toMatchObject({ allowed: false });
  });

  it('opens a new window once the old one has passed', async () => {
    const { clock, store } = storeWithClock();
    await store.consume('k', 1, 1_000);
    clock.now += 999;
    expect((await store.consume('k', 1, 1_000)).allowed).toBe(false);
    clock.now += 1;
    expect(await store.consume('k', 1, 1_000)).toEqual({
      allowed: true,
      remaining: 0,
      retryAfterMs: 1_000,
    });
  });

  it('counts each key on its own', async () => {
    const { store } = storeWithClock();
    await store.consume('a', 1, 1_000);
    expect((await store.consume('a', 1, 1_000)).allowed).toBe(false);
    expect((await store.consume('b', 1, 1_000)).allowed).toBe(true);
  });

  it('drops expired windows as new keys arrive, so memory stays bounded', async () => {
    const { clock, store } = storeWithClock();
    for (let i = 0; i < 999; i += 1) await store.consume(`old-${i}`, 1, 1_000);
    clock.now += 1_000;
    for (let i = 0; i < 10; i += 1) await store.consume(`new-${i}`, 1, 1_000);
    // The map is private; its size is the memory this behaviour is about.
    const { windows } = store as unknown as { windows: Map<string, unknown> };
    expect(windows.size).toBeLessThanOrEqual(10);
    expect((await store.consume('new-0', 1, 1_000)).allowed).toBe(false);
  });

  it('keeps live windows when it sweeps', async () => {
    const { clock, store } = storeWithClock();
    await store.consume('live', 1, 3_600_000);
    clock.now += 1_000;
    for (let i = 0; i < 1_500; i += 1) await store.consume(`key-${i}`, 1, 10);
    expect((await store.consume('live', 1, 3_600_000)).allowed).toBe(false);
  });
});
