import type { RateLimitDecision, RateLimitStore } from './RateLimitStore';

/**
 * Fixed-window rate-limit counters in this process's memory. Expired windows are swept as the
 * map grows, so memory stays bounded by the number of active callers.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private sweepAt = 1_000;

  constructor(private readonly now: () => number = Date.now) {}

  async consume(key: string, points: number, durationMs: number): Promise<RateLimitDecision> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + durationMs };
      this.windows.set(key, window);
      if (this.windows.size >= this.sweepAt) this.sweep(now);
    }
    window.count += 1;
    const allowed = window.count <= points;
    return {
      allowed,
      remaining: Math.max(0, points - window.count),
      retryAfterMs: window.resetAt - now,
    };
  }

  async peek(key: string, points: number, durationMs: number): Promise<RateLimitDecision> {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      return { allowed: true, remaining: points, retryAfterMs: durationMs };
    }
    return {
      allowed: window.count < points,
      remaining: Math.max(0, points - window.count),
      retryAfterMs: window.resetAt - now,
    };
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    this.sweepAt = Math.max(1_000, this.windows.size * 2);
  }
}
