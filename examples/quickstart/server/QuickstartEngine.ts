import { type ExecuteOptions, ExecutionEngine, type StartedRun } from '@flowloom/core';

/**
 * The engine with one run variable added to every run: `demo_base_url`, the address the demo
 * endpoint listens on (a loopback port of its own, picked at start), so a saved workflow reaches
 * it as `{{ vars.demo_base_url }}/demo/orders/...`.
 *
 * @remarks The server's execute route passes no variables, and a URL saved with a port would go
 * stale when `PORT` changes; a variable resolved at run time does not.
 */
export class QuickstartEngine extends ExecutionEngine {
  /** Set once the HTTP server listens; read at the start of each run. */
  demoBaseUrl = '';

  override startWorkflow(
    instanceId: string,
    input_data?: Record<string, unknown>,
    options: ExecuteOptions = {},
  ): Promise<StartedRun> {
    return super.startWorkflow(instanceId, input_data, {
      ...options,
      variables: { demo_base_url: this.demoBaseUrl, ...options.variables },
    });
  }
}
