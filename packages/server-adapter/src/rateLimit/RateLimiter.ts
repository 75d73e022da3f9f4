import { ErrorCode, FlowloomError } from '@flowloom/core';
import type { WorkflowUser } from '../auth/authTypes';
import { httpError } from '../http/errorResponse';
import { ROUTE_NAMES, type RouteName } from '../http/routeNames';
import { MemoryRateLimitStore } from './MemoryRateLimitStore';
import { parseRate, type Rate, type RateSpec } from './parseRate';
import type { RateLimitStore } from './RateLimitStore';

const KNOWN_ROUTES: ReadonlySet<string> = new Set(ROUTE_NAMES);

/**
 * Limits by route name; `default` covers the routes not named. E.g. `{ execute: '10/minute' }`.
 * `unauthenticated` bounds the requests per client IP that `authenticate` refuses (token
 * guessing, WebSocket upgrades included): `'60/minute'` unless set. `webhook` bounds the calls
 * to each active workflow's webhooks: `'600/minute'` unless set. `webhookPerIp` bounds the
 * webhook calls of one client IP, to any workflow id, known or not: `'600/minute'` unless set.
 */
export type RateLimitOptions = Partial<
  Record<RouteName | 'default' | 'unauthenticated' | 'webhookPerIp', RateSpec>
>;

/** The limits that are not route names. */
const OTHER_LIMITS: ReadonlySet<string> = new Set(['default', 'unauthenticated', 'webhookPerIp']);

/** The default limit on refused authentications per client IP. */
export const DEFAULT_UNAUTHENTICATED_RATE = '60/minute';

/** The default limit on the calls to one workflow's webhooks, whoever makes them. */
export const DEFAULT_WEBHOOK_RATE = '600/minute';

/** The default limit on the webhook calls of one client IP, whatever workflow they name. */
export const DEFAULT_WEBHOOK_PER_IP_RATE = '600/minute';

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
      if (!OTHER_LIMITS.has(route) && !KNOWN_ROUTES.has(route)) {
        throw new FlowloomError(
          ErrorCode.VALIDATION_FAILED,
          `Unknown route "${route}" in rateLimit: use "default", "unauthenticated", "webhookPerIp" or one of ${ROUTE_NAMES.join(', ')}`,
        );
      }
      if (spec !== undefined) this.rates.set(route, parseRate(spec));
    }
    this.unauthenticated = parseRate(options.unauthenticated ?? DEFAULT_UNAUTHENTICATED_RATE);
    this.webhook = parseRate(options.webhook ?? DEFAULT_WEBHOOK_RATE);
    this.webhookPerIp = parseRate(options.webhookPerIp ?? DEFAULT_WEBHOOK_PER_IP_RATE);
  }

  private readonly unauthenticated: Rate;
  private readonly webhook: Rate;
  private readonly webhookPerIp: Rate;

  /**
   * Counts a call to an active workflow's webhooks: `webhook` per workflow (`'600/minute'`
   * unless set; `default` does not apply), whoever calls, since webhooks are not authenticated
   * as users.
   *
   * @remarks Call it only once the workflow was found active: a key per workflow id a caller
   * makes up would let a flood of unknown ids grow the counters without bound.
   * @throws FlowloomError `RATE_LIMITED` (429, with `retryAfterSeconds`).
   */
  async checkWebhook(workflowId: string): Promise<void> {
    await this.consume(`webhook:workflow:${workflowId}`, this.webhook);
  }

  /**
   * Counts a webhook call per client IP (`webhookPerIp`, `'600/minute'` unless set), before
   * the workflow is looked up: it bounds what one caller's flood of ids, known or not, costs.
   *
   * @throws FlowloomError `RATE_LIMITED` (429, with `retryAfterSeconds`).
   */
  async checkWebhookCaller(clientIp: string | undefined): Promise<void> {
    await this.consume(`webhook:ip:${clientIp ?? 'unknown'}`, this.webhookPerIp);
  }

  /**
   * Counts a request that `authenticate` refused, per client IP.
   *
   * @throws FlowloomError `RATE_LIMITED` (429, with `retryAfterSeconds`) past the
   * `unauthenticated` limit.
   */
  async checkUnauthenticated(clientIp: string | undefined): Promise<void> {
    await this.consume(unauthenticatedKey(clientIp), this.unauthenticated);
  }

  /**
   * Refuses a client IP that used up its `unauthenticated` limit, before its credentials are
   * checked: otherwise a guesser would keep trying and learn from a 200 which guess was right.
   *
   * @throws FlowloomError `RATE_LIMITED` (429, with `retryAfterSeconds`).
   */
  async refuseExhaustedUnauthenticated(clientIp: string | undefined): Promise<void> {
    const { points, durationMs } = this.unauthenticated;
    const decision = await this.store.peek?.(unauthenticatedKey(clientIp), points, durationMs);
    if (decision && !decision.allowed)
      throw rateLimited(this.unauthenticated, decision.retryAfterMs);
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
    await this.consume(`${route}:${caller}`, rate);
  }

  private async consume(key: string, rate: Rate): Promise<void> {
    const decision = await this.store.consume(key, rate.points, rate.durationMs);
    if (!decision.allowed) throw rateLimited(rate, decision.retryAfterMs);
  }
}

/** The counter of refused authentications from one client IP. */
function unauthenticatedKey(clientIp: string | undefined): string {
  return `unauthenticated:ip:${clientIp ?? 'unknown'}`;
}

/** A `RATE_LIMITED` error carrying the `Retry-After` seconds. */
function rateLimited(rate: Rate, retryAfterMs: number) {
  const error = httpError(
    ErrorCode.RATE_LIMITED,
    `Too many requests: at most ${rate.points} per ${rate.durationMs / 1000} s`,
  );
  Object.assign(error, {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  } satisfies RetryAfter);
  return error;
}
