import type { ExecutionEvent, StartedRun } from '@flowloom/core';
import { percentile } from '../server/percentile';

/** What one measurement gives. */
export interface RunFigures {
  runs: number;
  runsPerSecond: number;
  /**
   * The runner's `start` called → the run's first `step_started` (its event's timestamp), in
   * ms: acceptance and the wait for a worker, with ms resolution.
   */
  latencyP50: number;
  latencyP99: number;
}

/** What the measurement drives: a runner's `start` and its live events. */
export interface MeasuredRunner {
  start(instanceId: string, input: Record<string, unknown>): Promise<StartedRun>;
  subscribe(instanceId: string, listener: (event: ExecutionEvent) => void): () => void;
}

/**
 * Runs the instances with `parallel` of them in flight at a time (each lane starts the next once
 * its run completed): runs/s from the first start to the last completion, and the latency from
 * each start request to its first step starting.
 */
export async function measureRuns(
  runner: MeasuredRunner,
  instanceIds: readonly string[],
  parallel: number,
): Promise<RunFigures> {
  const latencies: number[] = [];
  const begun = performance.now();
  let next = 0;
  const runOne = async (id: string): Promise<void> => {
    let firstStep: number | undefined;
    const finished = new Promise<void>((resolve, reject) => {
      const off = runner.subscribe(id, (event) => {
        if (event.event_type === 'step_started' && firstStep === undefined) {
          firstStep = Date.parse(event.timestamp);
        }
        if (event.event_type === 'execution_completed') {
          off();
          resolve();
        } else if (event.event_type === 'execution_failed') {
          off();
          reject(new Error(`Run ${id} failed`));
        }
      });
    });
    const requestedAt = Date.now();
    await runner.start(id, { name: 'bench' });
    await finished;
    if (firstStep !== undefined) latencies.push(Math.max(0, firstStep - requestedAt));
  };
  const lanes = Array.from({ length: parallel }, async () => {
    while (next < instanceIds.length) await runOne(instanceIds[next++]!);
  });
  await Promise.all(lanes);
  const seconds = (performance.now() - begun) / 1_000;
  latencies.sort((a, b) => a - b);
  return {
    runs: instanceIds.length,
    runsPerSecond: instanceIds.length / seconds,
    latencyP50: percentile(latencies, 0.5),
    latencyP99: percentile(latencies, 0.99),
  };
}
