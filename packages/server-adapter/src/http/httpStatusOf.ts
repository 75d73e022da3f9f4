import { ErrorCode } from '@flowloom/core';

/** The HTTP status each error code is answered with; anything else is a 500. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.INVALID_WORKFLOW]: 400,
  [ErrorCode.INVALID_COMPONENT]: 400,
  [ErrorCode.UNKNOWN_COMPONENT]: 404,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.VERSION_CONFLICT]: 409,
  [ErrorCode.TIMEOUT]: 408,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.NOT_CONFIGURED]: 501,
  [ErrorCode.TOO_MANY_RUNS]: 429,
  [ErrorCode.TOO_MANY_CONNECTIONS]: 429,
  [ErrorCode.SHUTTING_DOWN]: 503,
  [ErrorCode.NO_TRIGGER]: 400,
  [ErrorCode.WORKFLOW_INACTIVE]: 409,
  [ErrorCode.METHOD_NOT_ALLOWED]: 405,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.HOST_NOT_ALLOWED]: 421,
  [ErrorCode.RUN_FAILED]: 502,
  [ErrorCode.WEBHOOK_UNAVAILABLE]: 503,
};

/** The HTTP status for an error code: the one module that maps codes to statuses. */
export function httpStatusOf(code: string): number {
  return STATUS_BY_CODE[code] ?? 500;
}
