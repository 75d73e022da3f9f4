import { ErrorCode, FlowloomError } from '@flowloom/core';
import type { WorkflowUser } from '../auth/authTypes';
import { httpError } from '../http/errorResponse';
import { ROUTE_NAMES, type RouteName } from '../http/routeNames';
import { MemoryRateLimitStore } from './MemoryRateLimitStore';
import { parseRate, type Rate, type RateSpec } from './parseRate';
import type { RateLimitStore } from './RateLimitStore';

const KNOWN_ROUTES: ReadonlySet<string> = new Set(ROUTE_NAMES);

/** Limits by route name; `default` covers the routes not named. E.g. `{ execute: '10/minute' }`. */
export type RateLimitOptions = Partial<Record<RouteName | 'default', RateSpec>>;

/** The `Retry-After` header value for a refused request, in whole seconds. */
export type RetryAfter = { retryAfterSeconds: number };

/**
 * Applies per-route rate limits per user, or per client IP for the anonymous user.
 */
export class RateLimiter {
  private readonly rates = new Map<string, Rate>();

  constructor(
    options: RateLimitOptions,
    private readonly store: RateLimitStore = new MemoryRateLimitStore(),
  ) {
    for (const [route, spec] of Object.entries(options)) {
      // A misspelt route name would otherwise leave that route unlimited without a word.
      if (route !== 'default' && !KNOWN_ROUTES.has(route)) {
        throw new FlowloomError(
          ErrorCode.VALIDATION_FAILED,
          `Unknown route "${route}" in rateLimit: use "default" or one of ${ROUTE_NAMES.join(', ')}`,
        );
      }
      if (spec !== undefined) this.rates.set(route, parseRate(spec));
    }
  }

  /**
   * Counts a request.
   *
   * @throws FlowloomError `RATE_LIMITED` carrying `retryAfterSeconds` when over the limit.
   */
  async check(
    route: RouteName,
    user: WorkflowUser,
    clientIp: string | undefined,
    anonymous: boolean,
  ): Promise<void> {
    const rate = this.rates.get(route) ?? this.rates.get('default');
    if (!rate) return;
    const caller = anonymous ? `ip:${clientIp ?? 'unknown'}` : `user:${user.id}`;
    const decision = await this.store.consume(`${route}:${caller}`, rate.points, rate.durationMs);
    if (!decision.allowed) {
      const error = httpError(
        ErrorCode.RATE_LIMITED,
        `Too many requests: at most ${rate.points} per ${rate.durationMs / 1000} s`,
      );
      Object.assign(error, {
        retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
      } satisfies RetryAfter);
      throw error;
    }
  }
}
