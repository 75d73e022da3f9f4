import { ErrorCode, FlowloomError } from '@flowloom/core';
import { describe, expect, it } from 'vitest';
import { requireOptionalPeer } from './requireOptionalPeer';

const ABSENT = 'flowloom-test-package-that-is-not-installed';

describe('requireOptionalPeer', () => {
  it('returns the installed package', () => {
    const zod = requireOptionalPeer<{ z: { string: unknown } }>('zod', 'A test');
    expect(typeof zod.z.string).toBe('function');
  });

  it('throws NOT_CONFIGURED naming the package and its install command when it is missing', () => {
    let thrown: unknown;
    try {
      requireOptionalPeer(ABSENT, 'PostgresStore');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowloomError);
    expect((thrown as FlowloomError).code).toBe(ErrorCode.NOT_CONFIGURED);
    expect((thrown as FlowloomError).message).toBe(
      `PostgresStore needs the '${ABSENT}' package: npm install ${ABSENT}`,
    );
  });

  it('passes on a failure that is not the package being absent', () => {
    // A path that does not exist is not "the package is missing": the original error surfaces.
    expect(() => requireOptionalPeer('zod/no-such-entry', 'A test')).toThrow(
      /zod\/no-such-entry|Package subpath/,
    );
    expect(() => requireOptionalPeer('zod/no-such-entry', 'A test')).not.toThrow(FlowloomError);
  });
});
