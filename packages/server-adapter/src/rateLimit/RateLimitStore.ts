/** The outcome of taking one request from a rate limit. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests left in the current window. */
  remaining: number;
  /** Time until the window resets, in milliseconds. */
  retryAfterMs: number;
}

/**
 * Where rate-limit counters live. In memory by default; `RedisRateLimitStore` shares them
 * between several servers.
 */
export interface RateLimitStore {
  /** Counts one request against `key`, allowing `points` per `durationMs`. */
  consume(key: string, points: number, durationMs: number): Promise<RateLimitDecision>;
  /**
   * Reads `key`'s window without counting: whether one more request would be allowed. Used to
   * refuse a client over its limit before doing any work for it (e.g. checking a token). A store
   * without it only counts.
   */
  peek?(key: string, points: number, durationMs: number): Promise<RateLimitDecision>;
}
