/** A UTF-16 surrogate without its pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A `Content-Disposition: attachment` value naming a download, as `@flowloom/server-adapter`
 * writes it (copied: the server package is Node-only and the testing kit also runs in browsers):
 * a plain ASCII `filename` (quotes, backslashes, control and non-ASCII characters replaced by
 * `_`) and the exact name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(filename: string): string {
  const plain = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // encodeURIComponent throws on a lone surrogate: it becomes U+FFFD first.
  const wellFormed = filename.replace(LONE_SURROGATE, '\uFFFD');
  const exact = encodeURIComponent(wellFormed).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${plain}"; filename*=UTF-8''${exact}`;
}
