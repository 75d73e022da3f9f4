import { ErrorCode } from '@flowloom/core';
import { httpError } from './errorResponse';

/**
 * Whether a `Content-Type` is JSON: `application/json`, with any parameters
 * (`; charset=utf-8`).
 */
export function isJsonContentType(contentType: string): boolean {
  return contentType.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * Refuses a request to a JSON route that declares another `Content-Type` than JSON.
 *
 * @remarks The point is more than tidiness: `text/plain`, `application/x-www-form-urlencoded`
 * and `multipart/form-data` are the types a web page may send to another site without a CORS
 * preflight, so reading them as JSON would let any page drive an unauthenticated local API.
 * A body without any `Content-Type` is refused where it is read (`readJsonBody`).
 * @throws FlowloomError `UNSUPPORTED_MEDIA_TYPE` (415).
 */
export function refuseNonJsonContent(request: Request): void {
  const contentType = request.headers.get('content-type');
  if (contentType !== null && !isJsonContentType(contentType)) {
    throw unsupportedMediaType(`"${contentType.slice(0, 100)}" is not JSON`);
  }
}

/** The 415 of a body that is not declared as JSON. */
export function unsupportedMediaType(why: string) {
  return httpError(
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    `This route reads JSON: send the body as Content-Type: application/json (${why})`,
  );
}
