/** What a `code` step asks its sandbox to run. */
export interface CodeRunRequest {
  /** The body of a function that sees `input`, `steps` and `vars` and returns the output. */
  code: string;
  /** The plain-JSON values the code sees as globals: `input`, `steps` and `vars`. */
  globals: { input: unknown; steps: unknown; vars: unknown };
  /** CPU time the code may use, in milliseconds. */
  timeoutMs: number;
  /** Memory the code may use, in bytes; absent: the sandbox's own limit. */
  memoryLimitBytes?: number;
  /** Largest serialized output, in bytes (`OUTPUT_TOO_LARGE` above it); absent: the sandbox's. */
  maxOutputBytes?: number;
  /**
   * Largest `globals`, as JSON, in bytes (`INPUT_TOO_LARGE` above it); absent: the sandbox's own.
   * The data is copied into the sandbox, so this bounds what each run holds in memory.
   */
  maxInputBytes?: number;
  /** Aborted when the run is stopped: the code is interrupted. */
  signal?: AbortSignal;
}

/** One `console.*` call of the code. */
export interface CodeLogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
}

/** How a sandboxed run ended. */
export type CodeRunResult =
  | { ok: true; value: unknown; logs: CodeLogLine[] }
  | {
      ok: false;
      /**
       * `CODE_TIMEOUT`, `CODE_MEMORY_LIMIT`, `CODE_ERROR`, `OUTPUT_TOO_LARGE`, `INPUT_TOO_LARGE`,
       * `CODE_SANDBOX_BUSY` or `CANCELLED`.
       */
      error: { code: string; message: string };
      logs: CodeLogLine[];
    };

/**
 * Runs end users' JavaScript in isolation: no host objects, no I/O, bounded CPU time and memory.
 * The core declares it; `@flowloom/server-adapter` provides one on WebAssembly QuickJS, and the
 * engine hands it to components as `context.sandbox`.
 */
export interface CodeSandbox {
  run(request: CodeRunRequest): Promise<CodeRunResult>;
  /** Releases workers. */
  close?(): Promise<void>;
}
