import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { observeQueueMetrics } from './observeQueueMetrics';

describe('observeQueueMetrics', () => {
  it('reads the queue depth at each scrape and records job latencies', async () => {
    const registry = new Registry();
    let depth = 3;
    const metrics = observeQueueMetrics(registry, { depth: async () => depth });
    metrics.observeJobLatency(0.02);
    expect(await registry.metrics()).toMatch(/^flowloom_queue_depth 3$/m);
    depth = 5;
    const text = await registry.metrics();
    expect(text).toMatch(/^flowloom_queue_depth 5$/m);
    expect(text).toMatch(/^flowloom_queue_job_latency_seconds_count 1$/m);
  });

  it('reuses its metrics when called again on the same registry', () => {
    const registry = new Registry();
    const first = observeQueueMetrics(registry, { depth: async () => 0 });
    const second = observeQueueMetrics(registry, { depth: async () => 0 });
    first.observeJobLatency(1);
    second.observeJobLatency(2);
    expect(
      registry
        .getMetricsAsArray()
        .map((metric) => metric.name)
        .sort(),
    ).toEqual(['flowloom_queue_depth', 'flowloom_queue_job_latency_seconds']);
  });
});
