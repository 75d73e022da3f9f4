import { createFlowloomMetrics } from './createFlowloomMetrics';
import { loadPromClient } from './loadPromClient';
import type { FlowloomMetrics, FlowloomMetricsOptions, MetricsRegistry } from './metricsTypes';

/** The `metrics` option of `createWorkflowServer`. */
export type ServerMetricsOption =
  | boolean
  | (FlowloomMetricsOptions & {
      /**
       * The prom-client registry to put the metrics in and serve, e.g. the host's own, already
       * holding its `collectDefaultMetrics()`.
       * @default a new registry holding Flowloom's metrics only
       */
      registry?: MetricsRegistry;
    });

/**
 * The server's metrics from its option: none when off, else Flowloom's metrics on the given
 * registry or a new one.
 *
 * @throws FlowloomError `NOT_CONFIGURED` when metrics are asked for and prom-client is not
 * installed; `VALIDATION_FAILED` for a registry that is not prom-client's.
 */
export function resolveServerMetrics(
  option: ServerMetricsOption | undefined,
): FlowloomMetrics | undefined {
  if (option === undefined || option === false) return undefined;
  const settings = option === true ? {} : option;
  const registry = settings.registry ?? new (loadPromClient().Registry)();
  return createFlowloomMetrics(registry, settings);
}
