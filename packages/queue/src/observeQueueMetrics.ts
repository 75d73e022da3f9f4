import { createRequire } from 'node:module';
import { ErrorCode, FlowloomError } from '@flowloom/core';
import type * as PromClient from 'prom-client';

// Resolved from this package's folder; `import.meta.url` is shimmed in the CJS build.
const requireFromHere = createRequire(import.meta.url);

/**
 * A prom-client `Registry` (e.g. `server.metrics.registry`), as the queue's metrics use it;
 * written out so a host without prom-client still typechecks against this package.
 */
export interface QueueMetricsRegistry {
  getSingleMetric(name: string): unknown;
}

/** The queue's metrics on one registry. */
export interface QueueMetrics {
  /** Records how long a job waited: from its acceptance to a worker beginning it. */
  observeJobLatency(seconds: number): void;
}

/**
 * Adds the queue's metrics to a prom-client registry, e.g. `server.metrics.registry` of an API
 * server (served at `GET {base}/metrics` with the rest) or a worker's own:
 * `flowloom_queue_depth` (jobs waiting for a worker, read from Redis at each scrape, when
 * `depth` is given: `runner.depth`) and `flowloom_queue_job_latency_seconds` (acceptance →
 * a worker beginning the job; `createWorker({ metricsRegistry })` observes it).
 *
 * @example
 * observeQueueMetrics(server.metrics!.registry, { depth: () => runner.depth() });
 * @throws FlowloomError `NOT_CONFIGURED` when `prom-client` is not installed.
 */
export function observeQueueMetrics(
  registry: QueueMetricsRegistry,
  options: { depth?: () => Promise<number> } = {},
): QueueMetrics {
  const prom = loadPromClient();
  const registers = [registry as PromClient.Registry];
  if (options.depth && !registry.getSingleMetric('flowloom_queue_depth')) {
    const depth = options.depth;
    new prom.Gauge({
      name: 'flowloom_queue_depth',
      help: 'Run jobs waiting for a worker (waiting and delayed)',
      registers,
      async collect() {
        this.set(await depth());
      },
    });
  }
  const latency =
    (registry.getSingleMetric('flowloom_queue_job_latency_seconds') as
      | PromClient.Histogram
      | undefined) ??
    new prom.Histogram({
      name: 'flowloom_queue_job_latency_seconds',
      help: 'How long run jobs waited from acceptance until a worker began them',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
  return { observeJobLatency: (seconds) => latency.observe(seconds) };
}

function loadPromClient(): typeof PromClient {
  try {
    return requireFromHere('prom-client') as typeof PromClient;
  } catch (error) {
    throw new FlowloomError(
      ErrorCode.NOT_CONFIGURED,
      "Queue metrics need the 'prom-client' package: npm install prom-client",
      { cause: error },
    );
  }
}
