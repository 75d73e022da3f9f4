import { describe, expect, it } from 'vitest';
import { InProcessTickClaim } from './TickClaim';

const at = (iso: string) => new Date(iso);

describe('InProcessTickClaim', () => {
  it('claims each tick of a schedule once', async () => {
    const claim = new InProcessTickClaim();
    expect(await claim.claim('wf', 'tick', at('2026-01-01T00:01:00Z'))).toBe(true);
    expect(await claim.claim('wf', 'tick', at('2026-01-01T00:01:00Z'))).toBe(false);
    expect(await claim.claim('wf', 'tick', at('2026-01-01T00:02:00Z'))).toBe(true);
  });

  it('refuses a tick older than one it claimed', async () => {
    const claim = new InProcessTickClaim();
    await claim.claim('wf', 'tick', at('2026-01-01T00:02:00Z'));
    expect(await claim.claim('wf', 'tick', at('2026-01-01T00:01:00Z'))).toBe(false);
  });

  it('keeps the schedules of other steps and workflows apart', async () => {
    const claim = new InProcessTickClaim();
    const time = at('2026-01-01T00:01:00Z');
    expect(await claim.claim('wf', 'a', time)).toBe(true);
    expect(await claim.claim('wf', 'b', time)).toBe(true);
    expect(await claim.claim('other', 'a', time)).toBe(true);
  });

  it('gives one of two racing claims of a tick', async () => {
    const claim = new InProcessTickClaim();
    const time = at('2026-01-01T00:01:00Z');
    const results = await Promise.all([claim.claim('wf', 'a', time), claim.claim('wf', 'a', time)]);
    expect(results.sort()).toEqual([false, true]);
  });
});
