import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';

// Statuses whose responses never have a body: `new Response(body, { status })` refuses one.
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The response with a body that fails with `RESPONSE_TOO_LARGE` once more than `maxBytes` were
 * read; a `content-length` over the limit fails at once, before reading anything.
 *
 * @remarks Counts the bytes the reader sees, after decompression, so a small gzip bomb is
 * stopped too. Reading stops and the connection is cancelled at the first chunk past the limit.
 * Keeps `url` and `redirected` of the final hop.
 */
export async function capResponseBody(
  response: Response,
  maxBytes: number,
  options: { method: string; url: URL; redirected: boolean },
): Promise<Response> {
  const hasBody =
    response.body !== null && options.method !== 'HEAD' && !NULL_BODY_STATUSES.has(response.status);
  if (hasBody) {
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (declared > maxBytes) {
      const error = tooLarge(options.url, `declares ${declared} bytes, more than the ${maxBytes}`);
      await response.body?.cancel(error).catch(() => {});
      throw error;
    }
  } else {
    await response.body?.cancel().catch(() => {});
  }
  const body = hasBody ? limitStream(response.body!, maxBytes, options.url) : null;
  const capped = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  Object.defineProperties(capped, {
    url: { value: options.url.href },
    redirected: { value: options.redirected },
  });
  return capped;
}

function limitStream(
  source: ReadableStream<Uint8Array>,
  maxBytes: number,
  url: URL,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        received += value.byteLength;
        if (received > maxBytes) {
          const error = tooLarge(url, `is larger than the ${maxBytes} bytes`);
          controller.error(error);
          await reader.cancel(error).catch(() => {});
          return;
        }
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    // Pull only when the consumer reads, so no more than one chunk is read ahead of it.
    { highWaterMark: 0 },
  );
}

function tooLarge(url: URL, what: string): FlowloomError {
  return new FlowloomError(
    ErrorCode.RESPONSE_TOO_LARGE,
    `The response from ${url.host} ${what} allowed (network.maxResponseBytes)`,
  );
}
