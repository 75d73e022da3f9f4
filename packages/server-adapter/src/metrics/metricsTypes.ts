import type { ExecutionEngine } from '@flowloom/core';

// The metrics' public types, written out rather than taken from prom-client: prom-client is an
// optional peer, and a host that does not install it must still typecheck against this package.
// prom-client's own `Registry`, `Counter`, `Histogram` and `Gauge` fit them.

/** A prom-client `Registry`, as Flowloom uses it. */
export interface MetricsRegistry {
  /** The `Content-Type` of {@link MetricsRegistry.metrics}'s text. */
  readonly contentType: string;
  /** Every metric of the registry in the Prometheus text format. */
  metrics(): Promise<string>;
}

/** A prom-client `Counter` with the labels `L`. */
export interface CounterMetric<L extends string> {
  inc(labels: Record<L, string>, value?: number): void;
}

/** A prom-client `Histogram` with the labels `L`. */
export interface HistogramMetric<L extends string> {
  observe(labels: Record<L, string>, value: number): void;
}

/** A prom-client `Gauge` without labels. */
export interface GaugeMetric {
  inc(value?: number): void;
  dec(value?: number): void;
  set(value: number): void;
}

/** Something whose WebSocket connections are counted: the server's hub. */
export interface ConnectionSource {
  readonly connectionCount: number;
}

/** Options of {@link createFlowloomMetrics}. */
export interface FlowloomMetricsOptions {
  /**
   * How many distinct `workflow_id` label values the run counters keep; runs of workflows seen
   * after that count under `workflow_id="other"`, so a host with many workflows can't make the
   * registry grow without bound. Runs of no saved workflow count under `workflow_id="none"`.
   * @default 500
   */
  maxWorkflowLabels?: number;
}

/**
 * Flowloom's metrics on one prom-client registry, as {@link createFlowloomMetrics} makes them:
 *
 * - `flowloom_runs_started_total{workflow_id}`: runs started (a retry is a new start);
 * - `flowloom_runs_finished_total{workflow_id,status}`: runs ended `completed`, `failed` or
 *   `cancelled`;
 * - `flowloom_step_duration_seconds{component_type,status}`: how long finished steps took
 *   (`completed` or `failed`, retries included), a histogram;
 * - `flowloom_runs_executing`: runs executing in this process now;
 * - `flowloom_runs_queued`: runs waiting here for a concurrency slot (status `queued`);
 * - `flowloom_websocket_clients`: WebSocket connections open on this process.
 *
 * Other packages (`@flowloom/queue`) add theirs to {@link FlowloomMetrics.registry}.
 */
export interface FlowloomMetrics {
  /** The registry the metrics are in, to serve or to add more to. */
  readonly registry: MetricsRegistry;
  readonly runsStarted: CounterMetric<'workflow_id'>;
  readonly runsFinished: CounterMetric<'workflow_id' | 'status'>;
  readonly stepDuration: HistogramMetric<'component_type' | 'status'>;
  readonly runsExecuting: GaugeMetric;
  readonly runsQueued: GaugeMetric;
  readonly websocketClients: GaugeMetric;
  /**
   * Counts the runs of an engine from its events (the server does this for its own engine; a
   * queue worker does it for the engine it runs). Returns a function that stops counting.
   */
  observeEngine(engine: ExecutionEngine): () => void;
  /** Reports a hub's open connections as `flowloom_websocket_clients`; returns a function that stops. */
  observeConnections(source: ConnectionSource): () => void;
}
