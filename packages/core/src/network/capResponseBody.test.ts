import { afterEach, describe, expect, it } from 'vitest';
import { FlowloomError } from '../errors/FlowloomError';
import { createGuardedFetch } from './createGuardedFetch';
import { closeLoopbackServers, startLoopbackServer } from './loopbackServer.test-helpers';

// capResponseBody's limits, through the guarded fetch that applies them to real responses.

const MIB = 1024 * 1024;

afterEach(closeLoopbackServers);

/** Reads a body to the end, or to its error; counts the bytes it got. */
async function drain(response: Response): Promise<{ bytes: number; error?: unknown }> {
  const reader = response.body!.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes };
      bytes += value.byteLength;
    }
  } catch (error) {
    return { bytes, error };
  }
}
describe('createGuardedFetch response size', () => {
  const open = { network: { allowPrivateNetworks: true, maxResponseBytes: MIB } };

  it('stops reading a 100 MB body just past maxResponseBytes and closes the connection', async () => {
    const total = 100 * MIB;
    const chunk = Buffer.alloc(64 * 1024, 120);
    let sent = 0;
    let finished = false;
    let closed!: Promise<void>;
    const server = await startLoopbackServer((_, response) => {
      closed = new Promise((resolve) => response.on('close', () => resolve()));
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      const pump = () => {
        while (sent < total && !response.destroyed) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        if (sent >= total) {
          finished = true;
          response.end();
        }
      };
      pump();
    });
    const response = await createGuardedFetch(open)(`${server.url}/big`);
    const { bytes, error } = await drain(response);
    expect(error).toBeInstanceOf(FlowloomError);
    expect(error).toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      message: expect.stringMatching(/larger than the 1048576 bytes allowed/),
    });
    expect(bytes).toBeLessThanOrEqual(MIB);
    await closed;
    expect(finished).toBe(false);
    expect(sent).toBeLessThan(total / 4);
  });

  it('fails at once when content-length is over the limit, without reading', async () => {
    let closed!: Promise<void>;
    const server = await startLoopbackServer((_, response) => {
      closed = new Promise((resolve) => response.on('close', () => resolve()));
      response.writeHead(200, { 'content-length': String(2 * MIB) });
      response.write('x');
    });
    await expect(createGuardedFetch(open)(`${server.url}/`)).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
      message: expect.stringContaining(`declares ${2 * MIB} bytes`),
    });
    await closed;
  });

  it('makes text() reject with RESPONSE_TOO_LARGE', async () => {
    const server = await startLoopbackServer((_, response) => {
      response.write('a'.repeat(600));
      response.end('b'.repeat(600));
    });
    const guarded = createGuardedFetch({
      network: { allowPrivateNetworks: true, maxResponseBytes: 1000 },
    });
    const response = await guarded(`${server.url}/`);
    await expect(response.text()).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
  });

  it('reads a body of exactly maxResponseBytes whole', async () => {
    const server = await startLoopbackServer((_, response) => response.end('z'.repeat(1000)));
    const guarded = createGuardedFetch({
      network: { allowPrivateNetworks: true, maxResponseBytes: 1000 },
    });
    expect(await (await guarded(`${server.url}/`)).text()).toHaveLength(1000);
  });

  it('answers a HEAD whose content-length is over the limit', async () => {
    const server = await startLoopbackServer((_, response) => {
      response.writeHead(200, { 'content-length': String(2 * MIB) });
      response.end();
    });
    const response = await createGuardedFetch(open)(`${server.url}/`, { method: 'HEAD' });
    expect(response.status).toBe(200);
  });
});
