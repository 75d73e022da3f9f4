import type { ExecutionEngine, ExecutionEvent, WorkflowInstance } from '@flowloom/core';
import type { CounterMetric, GaugeMetric, HistogramMetric } from './metricsTypes';
import type { WorkflowLabels } from './WorkflowLabels';

/** The metrics an engine's runs move. */
export interface RunMetrics {
  runsStarted: CounterMetric<'workflow_id'>;
  runsFinished: CounterMetric<'workflow_id' | 'status'>;
  stepDuration: HistogramMetric<'component_type' | 'status'>;
  runsExecuting: GaugeMetric;
  runsQueued: GaugeMetric;
}

/** What a run's metrics are labelled with, read once per run from its instance. */
interface RunLabels {
  workflow: string;
  /** Component type by step id. */
  types: ReadonlyMap<string, string>;
}

/** The label of what could not be read (an instance deleted while its run was observed). */
const UNKNOWN = 'unknown';
const UNKNOWN_RUN: RunLabels = { workflow: UNKNOWN, types: new Map() };

/**
 * Moves the run metrics from an engine's events: starts and ends by workflow, step durations
 * by component type, runs executing and queued now. Returns a function that stops, taking this
 * engine's runs back out of the gauges.
 *
 * @remarks Events name the instance, not its workflow or its steps' types: those are read from
 * the store once per run, when the run's first event arrives, and kept until it ends. Each
 * observation waits for that read, in event order. Nothing is read when metrics are off.
 */
export function observeEngineRuns(
  engine: ExecutionEngine,
  metrics: RunMetrics,
  workflows: WorkflowLabels,
): () => void {
  const runs = new Map<string, Promise<RunLabels>>();
  const executing = new Set<string>();
  const queued = new Set<string>();

  const labelsOf = (instanceId: string): Promise<RunLabels> => {
    let labels = runs.get(instanceId);
    if (!labels) {
      labels = engine.store.getInstance(instanceId).then(
        (instance) => (instance ? runLabelsOf(instance, workflows) : UNKNOWN_RUN),
        () => UNKNOWN_RUN,
      );
      runs.set(instanceId, labels);
    }
    return labels;
  };
  const execute = (instanceId: string) => {
    if (queued.delete(instanceId)) metrics.runsQueued.dec();
    if (executing.has(instanceId)) return;
    executing.add(instanceId);
    metrics.runsExecuting.inc();
  };
  const leave = (instanceId: string) => {
    if (queued.delete(instanceId)) metrics.runsQueued.dec();
    if (executing.delete(instanceId)) metrics.runsExecuting.dec();
    runs.delete(instanceId);
  };

  const listener = (event: ExecutionEvent): void => {
    const id = event.instance_id;
    // A plain string: event types other packages add (`execution_queued`) are read too.
    const type: string = event.event_type;
    switch (type) {
      case 'execution_queued':
        if (!queued.has(id)) {
          queued.add(id);
          metrics.runsQueued.inc();
        }
        return;
      case 'execution_started':
      case 'execution_retried':
        execute(id);
        void labelsOf(id).then((labels) => {
          metrics.runsStarted.inc({ workflow_id: labels.workflow });
        });
        return;
      case 'execution_resumed':
        execute(id);
        return;
      case 'step_completed':
      case 'step_failed': {
        const stepId = event.step_id ?? '';
        const seconds = (event.data as { duration_ms: number }).duration_ms / 1000;
        const status = type === 'step_completed' ? 'completed' : 'failed';
        void labelsOf(id).then((labels) => {
          const component_type = labels.types.get(stepId) ?? UNKNOWN;
          metrics.stepDuration.observe({ component_type, status }, seconds);
        });
        return;
      }
      case 'execution_completed':
      case 'execution_failed':
      case 'execution_cancelled': {
        const status = type.slice('execution_'.length);
        void labelsOf(id).then((labels) => {
          metrics.runsFinished.inc({ workflow_id: labels.workflow, status });
        });
        leave(id);
        return;
      }
      case 'execution_waiting':
      case 'execution_interrupted':
        leave(id);
        return;
      default:
    }
  };

  engine.on('event', listener);
  return () => {
    engine.off('event', listener);
    metrics.runsExecuting.dec(executing.size);
    metrics.runsQueued.dec(queued.size);
    executing.clear();
    queued.clear();
    runs.clear();
  };
}

function runLabelsOf(instance: WorkflowInstance, workflows: WorkflowLabels): RunLabels {
  const types = new Map<string, string>();
  for (const node of instance.workflow_data.nodes) types.set(node.id, node.type);
  return { workflow: workflows.labelOf(instance.workflow_id), types };
}
