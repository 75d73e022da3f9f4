/**
 * Every code a {@link FlowloomError} can carry. Codes are stable: hosts branch on them and the
 * server maps them to HTTP statuses, so a code is never renamed once released.
 */
export const ErrorCode = {
  /** Input failed schema validation; `issues` lists every problem. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** A workflow document failed graph validation; `issues` lists every problem. */
  INVALID_WORKFLOW: 'INVALID_WORKFLOW',
  /** Component metadata is invalid or its `type` is already registered. */
  INVALID_COMPONENT: 'INVALID_COMPONENT',
  /** A component type is registered twice in one registry. */
  DUPLICATE_COMPONENT: 'DUPLICATE_COMPONENT',
  /** No component is registered under the requested type. */
  UNKNOWN_COMPONENT: 'UNKNOWN_COMPONENT',
  /** A workflow, instance or other record does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with the current state (e.g. executing a running instance). */
  CONFLICT: 'CONFLICT',
  /** A step or request ran past its time limit. */
  TIMEOUT: 'TIMEOUT',
  /** A run or step was cancelled. */
  CANCELLED: 'CANCELLED',
  /** A step failed: the component returned `success: false` or threw. */
  STEP_FAILED: 'STEP_FAILED',
  /** A component returned something other than `{ success, output_data, ... }`, or an undeclared handle. */
  INVALID_RESULT: 'INVALID_RESULT',
  /** An expression in a parameter could not be resolved. */
  EXPRESSION_ERROR: 'EXPRESSION_ERROR',
  /** A parameter value is invalid once expressions were resolved. */
  INVALID_PARAMETERS: 'INVALID_PARAMETERS',
  /** The caller is not authenticated. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller may not perform this action on this resource. */
  FORBIDDEN: 'FORBIDDEN',
  /** A body exceeded the configured size limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A rate limit was exceeded. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A step's output (or an expression's result) nests deeper than `limits.maxJsonDepth`. */
  OUTPUT_TOO_DEEP: 'OUTPUT_TOO_DEEP',
  /** A step's output (or an expression's result) is larger than `limits.maxStepOutputBytes`. */
  OUTPUT_TOO_LARGE: 'OUTPUT_TOO_LARGE',
  /** A run's stored events passed `limits.maxRunEventBytes`. */
  RUN_TOO_LARGE: 'RUN_TOO_LARGE',
  /** The store could not write a run's journal, even after retrying. */
  STORE_ERROR: 'STORE_ERROR',
  /** A request from a step was refused: its destination is a private or otherwise guarded address. */
  BLOCKED_DESTINATION: 'BLOCKED_DESTINATION',
  /** A response a step fetched was larger than `network.maxResponseBytes`. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  /** A credential a step refers to does not exist (any more). */
  CREDENTIAL_NOT_FOUND: 'CREDENTIAL_NOT_FOUND',
  /** A feature needs configuration the host has not given (e.g. credentials without a key). */
  NOT_CONFIGURED: 'NOT_CONFIGURED',
  /** A `code` step ran past its CPU-time limit. */
  CODE_TIMEOUT: 'CODE_TIMEOUT',
  /** A `code` step ran past its memory limit. */
  CODE_MEMORY_LIMIT: 'CODE_MEMORY_LIMIT',
  /** A `code` step threw, did not compile, or returned something that is not JSON. */
  CODE_ERROR: 'CODE_ERROR',
  /**
   * The data a `code` step hands its code (`input`, `steps` and `vars`, as JSON) is larger than
   * its sandbox accepts (`maxInputBytes` of `createCodeSandbox`).
   */
  INPUT_TOO_LARGE: 'INPUT_TOO_LARGE',
  /** Every worker of the code sandbox is busy and its queue is full: the `code` step did not run. */
  CODE_SANDBOX_BUSY: 'CODE_SANDBOX_BUSY',
  /** The server is running as many runs as `limits.maxConcurrentRuns` allows. */
  TOO_MANY_RUNS: 'TOO_MANY_RUNS',
  /**
   * The caller (`limits.maxWebSocketsPerUser`) or the server (`limits.maxWebSockets`) holds as
   * many execution-event WebSockets open as it may: close one first.
   */
  TOO_MANY_CONNECTIONS: 'TOO_MANY_CONNECTIONS',
  /**
   * A save named the version it was based on (`expected_version`) and the workflow has moved
   * on since: nothing was written; the error carries `current_version` (HTTP 409).
   */
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  /**
   * The engine or server is shutting down: it accepts no new run (HTTP 503). Runs it had are
   * left `interrupted` and resume when a server starts again.
   */
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  /** A workflow to activate has no webhook or schedule trigger: nothing would start it (HTTP 400). */
  NO_TRIGGER: 'NO_TRIGGER',
  /** A trigger fired for a workflow that is not active (HTTP 409): activate it first. */
  WORKFLOW_INACTIVE: 'WORKFLOW_INACTIVE',
  /**
   * A method the path does not serve: a webhook called with another method than its trigger's
   * `method`, or an API path asked with a method it has no operation for (HTTP 405, `Allow`).
   */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** A request body (or a declared `Content-Type`) that is not JSON, on a JSON route (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** A `Host` header outside the server's `allowedHosts` (HTTP 421): a guard against DNS rebinding. */
  HOST_NOT_ALLOWED: 'HOST_NOT_ALLOWED',
  /** A webhook waiting for its run (`respond: when_finished`) saw the run fail (HTTP 502). */
  RUN_FAILED: 'RUN_FAILED',
  /**
   * An active workflow's webhook could not start a run because its active version no longer
   * validates (HTTP 503). The caller learns nothing more; the server logs the issues for the host.
   */
  WEBHOOK_UNAVAILABLE: 'WEBHOOK_UNAVAILABLE',
  /** A `sub_workflow` step's child run (or a `for_each` item's) failed or was cancelled. */
  SUB_WORKFLOW_FAILED: 'SUB_WORKFLOW_FAILED',
  /** A sub-workflow would nest deeper than `limits.maxWorkflowDepth` (recursion included). */
  MAX_DEPTH_EXCEEDED: 'MAX_DEPTH_EXCEEDED',
  /** A `for_each` step was given more items than `limits.maxItems`. */
  TOO_MANY_ITEMS: 'TOO_MANY_ITEMS',
  /**
   * A `sub_workflow` or `for_each` step would start a run past `limits.maxRunsPerTree`: the runs
   * one root run and every sub-workflow under it make together.
   */
  TOO_MANY_RUNS_IN_TREE: 'TOO_MANY_RUNS_IN_TREE',
  /** A `wait` step for a resume request passed its `timeout_ms` with no `timeout` branch. */
  WAIT_TIMEOUT: 'WAIT_TIMEOUT',
  /** An unexpected failure: a bug, never an expected outcome. */
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

/** One of the stable {@link ErrorCode} values. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
