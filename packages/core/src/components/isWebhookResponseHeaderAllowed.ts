/**
 * Headers a `respond_to_webhook` step may set, beside any `x-*` header not in
 * {@link SERVER_OWNED_X_HEADERS}. Everything else is refused: the answer comes from the host's
 * origin, so a header such as `set-cookie`, `location`, `access-control-*`,
 * `content-security-policy`, `strict-transport-security` or `refresh` would let an end user's
 * workflow act for the host (plant a session cookie, redirect to a phishing page, open the
 * origin to other sites).
 */
const ALLOWED_HEADERS: ReadonlySet<string> = new Set([
  'cache-control',
  'content-language',
  'content-type',
  'etag',
  'last-modified',
  'retry-after',
]);

/** `x-*` headers the webhook route sets itself, or that steer a browser's security checks. */
const SERVER_OWNED_X_HEADERS: ReadonlySet<string> = new Set([
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]);

/**
 * Whether a workflow's `respond_to_webhook` step may set the response header `name` (any case):
 * `content-type`, `content-language`, `cache-control`, `etag`, `last-modified`, `retry-after`,
 * and `x-*` except the security headers the server owns (`x-frame-options`,
 * `x-content-type-options`, …). The component refuses other names and the webhook route drops
 * them.
 */
export function isWebhookResponseHeaderAllowed(name: string): boolean {
  const lower = name.toLowerCase();
  if (ALLOWED_HEADERS.has(lower)) return true;
  return lower.startsWith('x-') && lower.length > 2 && !SERVER_OWNED_X_HEADERS.has(lower);
}
