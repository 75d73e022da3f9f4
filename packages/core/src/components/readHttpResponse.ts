/** An HTTP response as a step outputs it. */
export type HttpResponseData = {
  status_code: number;
  /** Response headers by lower-case name; repeated headers are joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON when the content type is JSON and the text parses, else the text. */
  body: unknown;
};

/** Reads a `fetch` response's status, headers and body into plain data. */
export async function readHttpResponse(response: Response): Promise<HttpResponseData> {
  const headers = new Map<string, string>();
  response.headers.forEach((value, name) => {
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
  });
  const text = await response.text();
  return {
    status_code: response.status,
    // fromEntries defines own properties, so a header named "__proto__" cannot touch the prototype.
    headers: Object.fromEntries(headers),
    body: isJsonContentType(response.headers.get('content-type')) ? parseJsonOr(text) : text,
  };
}

function isJsonContentType(contentType: string | null): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType.endsWith('/json') || mediaType.endsWith('+json');
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
