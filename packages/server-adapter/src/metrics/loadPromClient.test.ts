import { ErrorCode, FlowloomError } from '@flowloom/core';
import { describe, expect, it, vi } from 'vitest';
import { createWorkflowServer } from '../createWorkflowServer';

// prom-client is installed here: the loader is pointed at a package that is not, so the real
// "missing optional peer" path runs.
vi.mock('../peers/requireOptionalPeer', async (importOriginal) => {
  const real = await importOriginal<typeof import('../peers/requireOptionalPeer')>();
  return {
    requireOptionalPeer: (name: string, neededBy: string) =>
      real.requireOptionalPeer(
        name === 'prom-client' ? 'flowloom-test-prom-client-absent' : name,
        neededBy,
      ),
  };
});

describe('metrics without prom-client installed', () => {
  it('refuses to make a server with metrics, naming the package to install', () => {
    let thrown: unknown;
    try {
      createWorkflowServer({ metrics: true, logger: { info() {}, warn() {}, error() {} } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowloomError);
    expect((thrown as FlowloomError).code).toBe(ErrorCode.NOT_CONFIGURED);
    expect((thrown as FlowloomError).message).toMatch(
      /^Metrics \(`metrics` option\) needs the '.+' package: npm install /,
    );
  });

  it('makes a server without metrics as usual', async () => {
    const server = createWorkflowServer({ logger: { info() {}, warn() {}, error() {} } });
    expect(server.metrics).toBeUndefined();
    await server.close({ graceMs: 0 });
  });
});
