import autocannon from 'autocannon';
import { percentile } from './percentile';

/** What one load test measured. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers in 2xx per second: for a route that starts runs, the runs it started. */
  okPerSecond: number;
  /** Connection errors and timeouts, plus answers outside 2xx: any of these spoils the row. */
  failures: number;
  /** Answers outside 2xx by status code (`"429": 120`), so a refusal says what refused it. */
  refusals: Record<string, number>;
}

/** Connections kept busy by each load test. */
export const CONNECTIONS = 50;
/** Seconds of load each row is measured over. */
export const SECONDS = 5;

/** Requests, time and latencies gathered over one or more autocannon runs of one target. */
class Tally {
  private requests = 0;
  private ok = 0;
  private seconds = 0;
  private failures = 0;
  private readonly refusals: Record<string, number> = {};
  private readonly latencies: number[] = [];

  /** Runs autocannon for `seconds`, adding what it measured unless `warmUp`. */
  run(options: autocannon.Options, seconds: number, warmUp = false): Promise<void> {
    return new Promise((resolve, reject) => {
      const latencies: number[] = [];
      const instance = autocannon(
        { ...options, connections: CONNECTIONS, duration: seconds },
        (error, result) => {
          if (error) return reject(error);
          if (!warmUp) {
            this.requests += result.requests.total;
            this.ok += result['2xx'];
            this.seconds += result.duration;
            this.failures += result.errors + result.timeouts + result.non2xx;
            for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
              if (!code.startsWith('2'))
                this.refusals[code] = (this.refusals[code] ?? 0) + (count ?? 0);
            }
            for (const latency of latencies) this.latencies.push(latency);
          }
          resolve();
        },
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => {
        latencies.push(responseTime);
      });
    });
  }

  result(): LoadResult {
    const sorted = this.latencies.sort((a, b) => a - b);
    return {
      requestsPerSecond: this.requests / this.seconds,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      requests: this.requests,
      okPerSecond: this.ok / this.seconds,
      failures: this.failures,
      refusals: this.refusals,
    };
  }
}

/**
 * Measures one target for {@link SECONDS} with {@link CONNECTIONS} connections, after an
 * unmeasured 1 s warm-up of the same requests (JIT, caches, SQLite pages).
 */
export async function loadTest(options: autocannon.Options): Promise<LoadResult> {
  const tally = new Tally();
  await tally.run(options, 1, true);
  await tally.run(options, SECONDS);
  return tally.result();
}

/**
 * Measures several targets for {@link SECONDS} each, taking turns one second at a time after a
 * 1 s warm-up of each: whatever else the machine does then weighs on every target alike, so
 * their ratios hold even where the absolute numbers wander.
 */
export async function compareLoads<Name extends string>(
  targets: Record<Name, autocannon.Options>,
): Promise<Record<Name, LoadResult>> {
  const entries = Object.entries(targets) as Array<[Name, autocannon.Options]>;
  const tallies = new Map(entries.map(([name]) => [name, new Tally()]));
  for (const [name, options] of entries) await tallies.get(name)!.run(options, 1, true);
  for (let round = 0; round < SECONDS; round += 1) {
    for (const [name, options] of entries) await tallies.get(name)!.run(options, 1);
  }
  return Object.fromEntries(entries.map(([name]) => [name, tallies.get(name)!.result()])) as Record<
    Name,
    LoadResult
  >;
}
