/** How one step ended, as `runStep` reports it to the run. */
export type StepOutcome =
  | {
      kind: 'completed';
      output_data: unknown;
      output_handles: string[];
      set_variables: Record<string, unknown> | undefined;
      attempts: number;
      duration_ms: number;
      /** Size of the output and variables as JSON, for the run's event budget. */
      output_bytes: number;
    }
  | {
      kind: 'failed';
      error: { code: string; message: string };
      output_data: unknown;
      attempts: number;
      duration_ms: number;
      /** Size of the recorded output and error, for the run's event budget. */
      output_bytes: number;
    }
  /** The step waits (`wait`, or sub-workflows that wait); it runs again when it wakes. */
  | { kind: 'waiting'; wake_at: string | undefined; resume: boolean }
  /** The run ended (stopped or failed elsewhere) while the step was running. */
  | { kind: 'abandoned' };

/** The outcome of a step that waits. */
export type WaitingOutcome = Extract<StepOutcome, { kind: 'waiting' }>;
