import { ErrorCode } from './errorCodes';

/** One problem found in some input: where it is and what is wrong. */
export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. `nodes.2.data.parameters.url`; empty for the whole input. */
  path: string;
  /** What is wrong, in a sentence a user can act on. */
  message: string;
  /** A stable name for the problem, where one exists (e.g. `SCHEDULE_TOO_FREQUENT`). */
  code?: string;
}

/** Options accepted by {@link FlowloomError}. */
export interface FlowloomErrorOptions {
  /** Every problem, when the error is about invalid input. */
  issues?: ErrorIssue[];
  /** The underlying error, kept for logs. */
  cause?: unknown;
}

/**
 * The one error class the SDK throws. Branch on `code`, never on `message`.
 *
 * @example
 * try { registry.registerComponent(X) } catch (e) {
 *   if (e instanceof FlowloomError && e.code === 'DUPLICATE_COMPONENT') ...
 * }
 */
export class FlowloomError extends Error {
  override readonly name: string = 'FlowloomError';
  /** Stable machine-readable code from {@link ErrorCode}. */
  readonly code: ErrorCode;
  /** Every problem found, for validation errors; empty otherwise. */
  readonly issues: ErrorIssue[];

  constructor(code: ErrorCode, message: string, options: FlowloomErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }

  /** A plain `{ code, message, issues? }` object, safe to send to a client or store. */
  toJSON(): { code: ErrorCode; message: string; issues?: ErrorIssue[] } {
    return this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

/** A step failed; carries the step it belongs to. */
export class StepError extends FlowloomError {
  override readonly name = 'StepError';
  /** The node id of the step that failed. */
  readonly step_id: string;

  constructor(
    step_id: string,
    code: ErrorCode,
    message: string,
    options: FlowloomErrorOptions = {},
  ) {
    super(code, message, options);
    this.step_id = step_id;
  }
}

/** A run or step was cancelled, by `stopWorkflow` or an aborted signal. */
export class CancelledError extends FlowloomError {
  override readonly name = 'CancelledError';

  constructor(message = 'The run was cancelled', options: FlowloomErrorOptions = {}) {
    super(ErrorCode.CANCELLED, message, options);
  }
}

/**
 * Turns anything thrown into a {@link FlowloomError}, keeping the original as `cause`.
 * A FlowloomError passes through unchanged; an AbortError becomes CANCELLED or TIMEOUT.
 */
export function toFlowloomError(
  error: unknown,
  fallbackCode: ErrorCode = ErrorCode.INTERNAL_ERROR,
): FlowloomError {
  if (error instanceof FlowloomError) return error;
  if (error instanceof Error) {
    if (error.name === 'TimeoutError')
      return new FlowloomError(ErrorCode.TIMEOUT, error.message, { cause: error });
    if (error.name === 'AbortError') return new CancelledError(error.message, { cause: error });
    return new FlowloomError(fallbackCode, error.message || error.name, { cause: error });
  }
  const message =
    typeof error === 'string' ? error : `Non-error value thrown: ${safeDescribe(error)}`;
  return new FlowloomError(fallbackCode, message, { cause: error });
}

function safeDescribe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
