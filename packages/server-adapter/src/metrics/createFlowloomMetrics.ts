import { ErrorCode, type ExecutionEngine, FlowloomError } from '@flowloom/core';
import type * as PromClient from 'prom-client';
import { loadPromClient } from './loadPromClient';
import type {
  ConnectionSource,
  FlowloomMetrics,
  FlowloomMetricsOptions,
  MetricsRegistry,
} from './metricsTypes';
import { observeEngineRuns } from './observeEngineRuns';
import { WorkflowLabels } from './WorkflowLabels';

/** Step durations, in seconds: from a one-hop step (sub-millisecond) to a long HTTP call. */
const STEP_BUCKETS = [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300];

/** The hubs each WebSocket gauge adds up, by gauge (shared when a registry's gauge is reused). */
const connectionSources = new WeakMap<object, Set<ConnectionSource>>();

/**
 * Makes Flowloom's metrics (see {@link FlowloomMetrics}) on a prom-client registry, or takes
 * them from it when an earlier call made them there (a server and a worker in one process).
 * `createWorkflowServer({ metrics })` calls it; a queue worker calls it for its own process.
 *
 * @example
 * import { Registry } from 'prom-client';
 * const registry = new Registry();
 * const metrics = createFlowloomMetrics(registry);
 * metrics.observeEngine(engine);
 * app.get('/metrics', async (_req, res) => res.type(registry.contentType).send(await registry.metrics()));
 * @throws FlowloomError `NOT_CONFIGURED` when prom-client is not installed, `VALIDATION_FAILED`
 * when `registry` is not a prom-client registry.
 */
export function createFlowloomMetrics(
  registry: MetricsRegistry,
  options: FlowloomMetricsOptions = {},
): FlowloomMetrics {
  const prom = loadPromClient();
  const target = checkRegistry(registry);
  const maxWorkflowLabels = options.maxWorkflowLabels ?? 500;
  if (!Number.isInteger(maxWorkflowLabels) || maxWorkflowLabels < 0) {
    throw new FlowloomError(
      ErrorCode.VALIDATION_FAILED,
      'metrics.maxWorkflowLabels must be a whole number of at least 0',
    );
  }
  const registers = [target];
  const reuse = <T>(name: string, make: () => T): T =>
    (target.getSingleMetric(name) as T | undefined) ?? make();
  const runsStarted = reuse(
    'flowloom_runs_started_total',
    () =>
      new prom.Counter({
        name: 'flowloom_runs_started_total',
        help: 'Runs started (a retry starts a run again), by saved workflow',
        labelNames: ['workflow_id'] as const,
        registers,
      }),
  );
  const runsFinished = reuse(
    'flowloom_runs_finished_total',
    () =>
      new prom.Counter({
        name: 'flowloom_runs_finished_total',
        help: 'Runs ended completed, failed or cancelled, by saved workflow',
        labelNames: ['workflow_id', 'status'] as const,
        registers,
      }),
  );
  const stepDuration = reuse(
    'flowloom_step_duration_seconds',
    () =>
      new prom.Histogram({
        name: 'flowloom_step_duration_seconds',
        help: 'How long finished steps took, retries included, by component type and outcome',
        labelNames: ['component_type', 'status'] as const,
        buckets: STEP_BUCKETS,
        registers,
      }),
  );
  const runsExecuting = reuse(
    'flowloom_runs_executing',
    () =>
      new prom.Gauge({
        name: 'flowloom_runs_executing',
        help: 'Runs executing in this process now',
        registers,
      }),
  );
  const runsQueued = reuse(
    'flowloom_runs_queued',
    () =>
      new prom.Gauge({
        name: 'flowloom_runs_queued',
        help: 'Runs waiting in this process for a concurrency slot (status queued)',
        registers,
      }),
  );
  const websocketClients = reuse('flowloom_websocket_clients', () => {
    const sources = new Set<ConnectionSource>();
    const gauge = new prom.Gauge({
      name: 'flowloom_websocket_clients',
      help: 'WebSocket connections open on this process',
      registers,
      // Read when scraped: the hub keeps the count, nothing to move on each connection.
      collect() {
        let open = 0;
        for (const source of sources) open += source.connectionCount;
        this.set(open);
      },
    });
    connectionSources.set(gauge, sources);
    return gauge;
  });
  const workflows = new WorkflowLabels(maxWorkflowLabels);
  const runMetrics = { runsStarted, runsFinished, stepDuration, runsExecuting, runsQueued };
  return {
    registry,
    runsStarted,
    runsFinished,
    stepDuration,
    runsExecuting,
    runsQueued,
    websocketClients,
    observeEngine: (engine: ExecutionEngine) => observeEngineRuns(engine, runMetrics, workflows),
    observeConnections: (source) => {
      const sources = connectionSources.get(websocketClients);
      sources?.add(source);
      return () => {
        sources?.delete(source);
      };
    },
  };
}

/** The registry as prom-client's, once it looks like one. */
function checkRegistry(registry: MetricsRegistry): PromClient.Registry {
  const candidate = registry as Partial<PromClient.Registry> | null | undefined;
  if (
    typeof candidate?.metrics !== 'function' ||
    typeof candidate.registerMetric !== 'function' ||
    typeof candidate.getSingleMetric !== 'function'
  ) {
    throw new FlowloomError(
      ErrorCode.VALIDATION_FAILED,
      'metrics.registry must be a prom-client Registry (new Registry() from prom-client)',
    );
  }
  return registry as PromClient.Registry;
}
