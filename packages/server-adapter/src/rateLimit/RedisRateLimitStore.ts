import { ErrorCode, FlowloomError } from '@flowloom/core';
import type { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { requireOptionalPeer } from '../peers/requireOptionalPeer';
import type { RateLimitDecision, RateLimitStore } from './RateLimitStore';

/** Options of {@link RedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /**
   * An ioredis client (`new Redis(url)`) or cluster, shared by every server that should share
   * the counts. The store never closes it: quit it when the servers are done.
   */
  // Typed by the one method rate-limiter-flexible checks for, so this package's types don't
  // need ioredis (an optional peer) installed; an ioredis `Redis` or `Cluster` fits.
  client: {
    defineCommand(name: string, definition: { lua: string; numberOfKeys?: number }): void;
  };
  /**
   * Prefix of every Redis key the store writes.
   * @default 'flowloom:rl'
   */
  keyPrefix?: string;
}

/**
 * Rate-limit counters in Redis, through rate-limiter-flexible's `RateLimiterRedis`, so several
 * servers behind a load balancer share one count per caller.
 *
 * @remarks
 * - Windows are whole seconds (rate-limiter-flexible's `duration` sets a Redis expiry in
 *   seconds): a duration is rounded **up** to the next second, so a sub-second window such as
 *   `{ points: 5, durationMs: 500 }` lasts 1 s and a 1,500 ms window lasts 2 s. Rounding up
 *   only ever makes a limit stricter.
 * - A Redis failure is thrown (the request is answered 500), never taken as "allowed". With
 *   ioredis's defaults a command waits for a lost connection to come back (up to
 *   `maxRetriesPerRequest` retries); pass `maxRetriesPerRequest: 1` or
 *   `enableOfflineQueue: false` to fail fast instead.
 * - Keys are `{keyPrefix}:{points}:{seconds}:{route}:{caller}`: changing a route's rate starts
 *   fresh counts instead of reading the old window with the new limit.
 *
 * @example
 * const redis = new Redis(process.env.REDIS_URL);
 * const server = createWorkflowServer({
 *   rateLimit: { execute: '10/minute' },
 *   rateLimitStore: new RedisRateLimitStore({ client: redis }),
 * });
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: RedisRateLimitStoreOptions['client'];
  private readonly keyPrefix: string;
  /** One limiter per distinct `points`/`seconds` pair, made on first use. */
  private readonly limiters = new Map<string, RateLimiterRedis>();
  /** rate-limiter-flexible, an optional peer: loaded by the store, not by importing this package. */
  private readonly library: typeof import('rate-limiter-flexible');

  constructor({ client, keyPrefix = 'flowloom:rl' }: RedisRateLimitStoreOptions) {
    this.client = client;
    this.keyPrefix = keyPrefix;
    this.library = requireOptionalPeer('rate-limiter-flexible', 'RedisRateLimitStore');
  }

  /**
   * Counts one request against `key`.
   *
   * @throws FlowloomError `INTERNAL_ERROR` (with the Redis error as `cause`) when Redis fails.
   */
  async consume(key: string, points: number, durationMs: number): Promise<RateLimitDecision> {
    const limiter = this.limiterFor(points, durationMs);
    try {
      const result = await limiter.consume(key);
      return {
        allowed: true,
        remaining: result.remainingPoints,
        retryAfterMs: result.msBeforeNext,
      };
    } catch (rejection) {
      // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, and with the
      // store's own error when Redis fails.
      if (rejection instanceof this.library.RateLimiterRes) {
        return {
          allowed: false,
          remaining: rejection.remainingPoints,
          retryAfterMs: rejection.msBeforeNext,
        };
      }
      const reason = rejection instanceof Error ? rejection.message : String(rejection);
      throw new FlowloomError(
        ErrorCode.INTERNAL_ERROR,
        `Redis rate-limit store failed: ${reason}`,
        {
          cause: rejection,
        },
      );
    }
  }

  /**
   * Reads `key`'s window without counting.
   *
   * @throws FlowloomError `INTERNAL_ERROR` when Redis fails.
   */
  async peek(key: string, points: number, durationMs: number): Promise<RateLimitDecision> {
    const limiter = this.limiterFor(points, durationMs);
    let result: RateLimiterRes | null;
    try {
      result = await limiter.get(key);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new FlowloomError(
        ErrorCode.INTERNAL_ERROR,
        `Redis rate-limit store failed: ${reason}`,
        {
          cause: error,
        },
      );
    }
    if (!result) return { allowed: true, remaining: points, retryAfterMs: durationMs };
    return {
      allowed: result.consumedPoints < points,
      remaining: Math.max(0, points - result.consumedPoints),
      retryAfterMs: result.msBeforeNext,
    };
  }

  private limiterFor(points: number, durationMs: number): RateLimiterRedis {
    // The library's `duration` is in seconds (0 would mean "never expires"): round up.
    const seconds = Math.max(1, Math.ceil(durationMs / 1000));
    const id = `${points}:${seconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new this.library.RateLimiterRedis({
        storeClient: this.client,
        keyPrefix: `${this.keyPrefix}:${id}`,
        points,
        duration: seconds,
        // ioredis is the library's default client: `useRedisPackage` stays off (it is for the
        // `redis` package v4+).
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
